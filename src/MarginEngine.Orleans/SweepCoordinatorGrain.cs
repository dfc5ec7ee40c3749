namespace MarginEngine.Orleans;

/// <summary>
/// A snapshot's fan-out (docs/scaling.md §Cluster): calls each account grain's <see cref="IAccountGrain.Margin"/>, at most
/// <c>maxConcurrency</c> in flight, and collects the results in order. A coordinator grain rather than a stream: the
/// caller gets every result and the status changes back in one answer, concurrency is bounded in one place, and a
/// failed call is retried once and otherwise reported for its account without stopping the sweep.
/// </summary>
internal sealed class SweepCoordinatorGrain(ILocalSiloDetails silo) : Grain, ISweepCoordinatorGrain
{
    public async Task<SweepResult> Sweep(string snapshotId, string[] accountIds, int maxConcurrency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var results = new AccountMargin[accountIds.Length];
        var changed = new bool[accountIds.Length];
        using var gate = new SemaphoreSlim(maxConcurrency);
        var calls = accountIds.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            try
            {
                (results[i], changed[i]) = await One(id, snapshotId);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        await Task.WhenAll(calls);
        return new SweepResult(snapshotId, results, [.. accountIds.Where((_, i) => changed[i])]);
    }

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());

    private async Task<(AccountMargin Result, bool Changed)> One(string accountId, string snapshotId)
    {
        var grain = GrainFactory.GetGrain<IAccountGrain>(accountId);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await grain.Margin(snapshotId);
                return (result, result.PreviousStatus is { } before && before != result.Status);
            }
            catch (Exception e) when (attempt == 0 && e is not ArgumentException)
            {
                // A silo leaving mid-call: the grain reactivates elsewhere from its persisted state; one retry.
            }
            catch (Exception e)
            {
                return (new AccountMargin(accountId, snapshotId, "", 0, 0, 0m, null, AccountStatus.Error, e.Message, null), false);
            }
        }
    }
}
