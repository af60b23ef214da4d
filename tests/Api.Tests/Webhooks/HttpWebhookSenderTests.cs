using Engagement.Api.Settings;
using Engagement.Api.Webhooks;
using Engagement.Core.Webhooks;
using Microsoft.Extensions.Configuration;

namespace Engagement.Api.Tests.Webhooks;

/// <summary>
/// The HTTP sender against a real receiver: it refuses to connect to this machine (or any private address) unless private
/// networks are allowed, by name or by number; it never follows a redirect; it reads only the start of an error's body;
/// bad Webhooks:* settings stop the start naming the setting.
/// </summary>
public sealed class HttpWebhookSenderTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public Task DisposeAsync() => _receiver.DisposeAsync().AsTask();

    private static HttpWebhookSender Sender(bool allowPrivateNetworks) => new(EngagementSettings.Load(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Webhooks:TimeoutSeconds"] = "2",
        }).Build()).Webhooks);

    private static WebhookRequest Post(string url) => new(url, """{"id":"1.x"}""", [new("X-Engagement-Event", "backlog.created")]);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_private_address_is_refused_for_good_before_anything_is_sent_unless_private_networks_are_allowed(string host)
    {
        var url = _receiver.NewUrl().Replace("127.0.0.1", host, StringComparison.Ordinal);
        using var guarded = Sender(allowPrivateNetworks: false);
        using var open = Sender(allowPrivateNetworks: true);

        var refused = await Assert.ThrowsAsync<WebhookDeliveryException>(() => guarded.PostAsync(Post(url)));
        Assert.Empty(_receiver.To(url));
        var answered = await open.PostAsync(Post(url));

        Assert.False(refused.Transient);
        Assert.Contains("private or local address", refused.Message, StringComparison.Ordinal);
        Assert.Equal(200, answered.StatusCode);
        var received = Assert.Single(_receiver.To(url));
        Assert.Equal(("""{"id":"1.x"}""", "backlog.created"), (received.Body, received.Headers["X-Engagement-Event"]));
    }

    [Fact]
    public async Task A_redirect_is_the_answer_and_is_not_followed()
    {
        var (url, target) = (_receiver.NewUrl(), _receiver.NewUrl());
        _receiver.Script(url, WebhookReceiver.Redirect(target));
        using var sender = Sender(allowPrivateNetworks: true);

        var answer = await sender.PostAsync(Post(url));

        Assert.Equal(307, answer.StatusCode);
        Assert.Single(_receiver.To(url));
        Assert.Empty(_receiver.To(target));
    }

    [Fact]
    public async Task Only_the_start_of_an_error_body_is_kept_on_one_line()
    {
        var url = _receiver.NewUrl();
        _receiver.Script(url, WebhookReceiver.Status(503, "Maintenance\r\nuntil noon " + new string('x', 4 * 1024 * 1024)));
        using var sender = Sender(allowPrivateNetworks: true);

        var answer = await sender.PostAsync(Post(url));

        Assert.Equal(503, answer.StatusCode);
        Assert.StartsWith("Maintenance  until noon xxx", answer.BodyExcerpt, StringComparison.Ordinal);
        Assert.Equal(201, answer.BodyExcerpt!.Length);
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_or_at_all_is_a_transient_failure()
    {
        var url = _receiver.NewUrl();
        _receiver.Script(url, WebhookReceiver.Stall());
        using var sender = Sender(allowPrivateNetworks: true);

        var stalled = await Assert.ThrowsAsync<WebhookDeliveryException>(() => sender.PostAsync(Post(url)));
        var closed = await Assert.ThrowsAsync<WebhookDeliveryException>(() => sender.PostAsync(Post("http://127.0.0.1:1/hooks")));

        Assert.Equal((true, "The receiver did not answer within 2 s."), (stalled.Transient, stalled.Message));
        Assert.True(closed.Transient);
    }

    [Theory]
    [InlineData("Webhooks:TimeoutSeconds", "0", "Webhooks:TimeoutSeconds")]
    [InlineData("Webhooks:TimeoutSeconds", "61", "Webhooks:TimeoutSeconds")]
    [InlineData("Webhooks:AllowPrivateNetworks", "maybe", "Webhooks:AllowPrivateNetworks")]
    [InlineData("Webhooks:FirstRetrySeconds", "soon", "Webhooks:FirstRetrySeconds")]
    [InlineData("Webhooks:MaxRetrySeconds", "10", "Webhooks:MaxRetrySeconds")]
    [InlineData("Webhooks:MaxAttempts", "0", "Webhooks:MaxAttempts")]
    [InlineData("Webhooks:PollMilliseconds", "10", "Webhooks:PollMilliseconds")]
    public void Bad_webhook_settings_are_refused_naming_the_setting(string key, string value, string named)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<SettingsException>(() => EngagementSettings.Load(config));

        Assert.Equal(named, error.Setting);
    }

    [Fact]
    public void Webhook_settings_default_to_public_receivers_a_10_second_timeout_and_10_tries_from_30_seconds_to_an_hour_apart()
    {
        var settings = EngagementSettings.Load(new ConfigurationBuilder().Build()).Webhooks;

        Assert.Equal((false, 10, 30, 3600, 10), (settings.AllowPrivateNetworks, (int)settings.Timeout.TotalSeconds, (int)settings.FirstRetry.TotalSeconds,
            (int)settings.MaxRetry.TotalSeconds, settings.MaxAttempts));
    }
}
