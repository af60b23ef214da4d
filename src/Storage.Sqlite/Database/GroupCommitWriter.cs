using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>
/// Group commit: concurrent writes queue here and one writer runs whatever has queued in a single IMMEDIATE
/// transaction, each write inside its own savepoint, then commits once. Every caller is answered only after
/// that COMMIT (so nothing is acknowledged before it is durable), but a burst pays for one fsync, not one each.
/// A write that fails or refuses rolls back to its savepoint alone; the others in the group still commit.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    // Bounds the time one group holds the write lock and the work lost to one failed COMMIT.
    private const int MaxGroupSize = 256;

    private readonly Channel<IPendingWrite> _queue = Channel.CreateUnbounded<IPendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly SemaphoreSlim _writeGate;
    private readonly Task _loop;
    private SqliteConnection? _connection;

    public GroupCommitWriter(Func<CancellationToken, Task<SqliteConnection>> open, SemaphoreSlim writeGate)
    {
        _open = open;
        _writeGate = writeGate;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a write and completes after the COMMIT that made it durable (or with its own failure).</summary>
    public Task<(bool Committed, T Value)> WriteAsync<T>(Func<SqliteTransaction, (bool Commit, T Value)> write, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(write, ct);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SqliteDatabase), "The database is closed; the write was not made.");
        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        if (_connection is not null)
            await _connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var group = new List<IPendingWrite>(MaxGroupSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroupSize && _queue.Reader.TryRead(out var next))
            {
                if (!next.CancelIfRequested())
                    group.Add(next);
            }
            if (group.Count > 0)
                await CommitGroupAsync(group);
        }
    }

    private async Task CommitGroupAsync(List<IPendingWrite> group)
    {
        await _writeGate.WaitAsync();
        try
        {
            _connection ??= await _open(CancellationToken.None);
            using var tx = _connection.BeginTransaction(deferred: false);
            foreach (var write in group)
                write.Run(tx);
            tx.Commit();
            foreach (var write in group)
                write.Acknowledge();
        }
        catch (Exception e)
        {
            // BEGIN or COMMIT failed (disk full, I/O error, database locked by another process too long), or a
            // failure aborted the whole transaction: nothing of this group is durable, so no caller is told otherwise.
            foreach (var write in group)
                write.Fail(e);
            await ResetConnectionAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ResetConnectionAsync()
    {
        if (_connection is null)
            return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    private interface IPendingWrite
    {
        /// <summary>True (and the caller told) when the caller gave up before the write started.</summary>
        bool CancelIfRequested();

        void Run(SqliteTransaction tx);

        void Acknowledge();

        void Fail(Exception e);
    }

    private sealed class PendingWrite<T>(Func<SqliteTransaction, (bool Commit, T Value)> write, CancellationToken ct) : IPendingWrite
    {
        private const string Savepoint = "pending_write";

        // Continuations run elsewhere, so a caller's code never runs on the writer loop.
        private readonly TaskCompletionSource<(bool Committed, T Value)> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private (bool Commit, T Value) _outcome;
        private Exception? _error;

        public Task<(bool Committed, T Value)> Task => _done.Task;

        public bool CancelIfRequested() => ct.IsCancellationRequested && _done.TrySetCanceled(ct);

        public void Run(SqliteTransaction tx)
        {
            // A savepoint per write costs two cheap statements and keeps one write's refusal or failure its own.
            tx.Save(Savepoint);
            try
            {
                _outcome = write(tx);
                if (!_outcome.Commit)
                    tx.Rollback(Savepoint);
            }
            catch (Exception e)
            {
                _error = e;
                // If SQLite itself aborted the transaction (a full disk, an I/O error), this throws and the
                // whole group fails, as it must; otherwise only this write is undone.
                tx.Rollback(Savepoint);
            }
            tx.Release(Savepoint);
        }

        public void Acknowledge()
        {
            if (_error is not null)
                _done.TrySetException(_error);
            else
                _done.TrySetResult((_outcome.Commit, _outcome.Value));
        }

        public void Fail(Exception e) => _done.TrySetException(_error ?? e);
    }
}
