using Engagement.Core.Common;
using Engagement.Core.Email;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IOutboxStore"/> every adapter honours: one message per id, due order, holds, and delivery state.</summary>
public abstract class OutboxStoreContract : StoreContract
{
    private static EmailMessage Message(string? id = null) => new(id ?? Ids.New(), "resident@example.org", "Résidente", "Vous avez dit, nous avons fait",
        "Texte « brut »", "<p>Texte</p>", "fr", "https://engagement.example.org/unsubscribe/abc", Make.T0);

    /// <summary>Takes everything due at <paramref name="at"/> (other tests' messages included) and returns only these ids'.</summary>
    private static async Task<List<OutboxEntry>> TakeAsync(StoreSet stores, DateTimeOffset at, DateTimeOffset holdUntil, params string[] ids) =>
        (await stores.Outbox.TakeDueAsync(at, holdUntil, 1_000)).Where(e => ids.Contains(e.Message.Id)).ToList();

    [ContractFact]
    public async Task EnqueueAsync_stores_each_message_id_once_as_pending_and_due()
    {
        var stores = await CreateStoresAsync();
        var message = Message();

        Assert.Equal(1, await stores.Outbox.EnqueueAsync([message, message], Make.T0));
        Assert.Equal(0, await stores.Outbox.EnqueueAsync([message with { Subject = "Again" }], Make.T0));

        var stored = await stores.Outbox.GetAsync(message.Id);
        Assert.Equal((OutboxStatus.Pending, 0, Make.T0), (stored!.Status, stored.Attempts, stored.NextAttemptAt));
        Same.Equal(message, stored.Message);
    }

    [ContractFact]
    public async Task TakeDueAsync_holds_what_it_takes_until_the_hold_ends()
    {
        var stores = await CreateStoresAsync();
        var (now, later) = (Make.T0.AddDays(30), Make.T0.AddDays(30).AddMinutes(5));
        var due = Message();
        var notYet = Message();
        await stores.Outbox.EnqueueAsync([due], now);
        await stores.Outbox.EnqueueAsync([notYet], now.AddHours(1));

        Assert.Equal([due.Id], (await TakeAsync(stores, now, later, due.Id, notYet.Id)).Select(e => e.Message.Id));
        Assert.Empty(await TakeAsync(stores, now.AddMinutes(1), later, due.Id, notYet.Id));
        Assert.Equal([due.Id], (await TakeAsync(stores, later, later.AddMinutes(5), due.Id, notYet.Id)).Select(e => e.Message.Id));
    }

    [ContractFact]
    public async Task A_failed_try_is_retried_when_told_or_given_up_and_a_sent_message_stays_sent()
    {
        var stores = await CreateStoresAsync();
        var (retried, givenUp, sent) = (Message(), Message(), Message());
        await stores.Outbox.EnqueueAsync([retried, givenUp, sent], Make.T0);

        await stores.Outbox.MarkFailedAsync(retried.Id, "connection refused", Make.T0.AddMinutes(2));
        await stores.Outbox.MarkFailedAsync(givenUp.Id, "550 no such user", null);
        await stores.Outbox.MarkSentAsync(sent.Id, Make.T0.AddSeconds(3));
        await stores.Outbox.MarkSentAsync(sent.Id, Make.T0.AddSeconds(9));
        await stores.Outbox.MarkFailedAsync(sent.Id, "late failure", null);

        var r = await stores.Outbox.GetAsync(retried.Id);
        Assert.Equal((OutboxStatus.Pending, 1, Make.T0.AddMinutes(2), "connection refused"), (r!.Status, r.Attempts, r.NextAttemptAt, r.LastError));
        Assert.Equal((OutboxStatus.Failed, 1), ((await stores.Outbox.GetAsync(givenUp.Id))!.Status, (await stores.Outbox.GetAsync(givenUp.Id))!.Attempts));
        var s = await stores.Outbox.GetAsync(sent.Id);
        Assert.Equal((OutboxStatus.Sent, 1, (DateTimeOffset?)Make.T0.AddSeconds(3)), (s!.Status, s.Attempts, s.SentAt));
        Assert.Contains((await stores.Outbox.ListAsync(OutboxStatus.Failed, 100)), e => e.Message.Id == givenUp.Id);
    }
}
