using System.Text.Json;
using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.Errors;
using MarginEngine.Json;
using MarginEngine.Portfolio;

namespace MarginEngine.Orleans;

/// <summary>The persisted state of an account grain: the account's JSON and the status of its last margin.</summary>
[GenerateSerializer]
internal sealed class AccountState
{
    [Id(0)]
    public string? AccountJson { get; set; }

    [Id(1)]
    public AccountStatus? LastStatus { get; set; }
}

/// <summary>
/// One account (docs/architecture.md §Cluster): its book persisted as JSON, read against each snapshot's universe, and
/// for the snapshot last used its compiled risk state, so a what-if costs the new leg's row only.
/// </summary>
internal sealed class AccountGrain(
    [PersistentState("account", MarginEngineHosting.StorageName)] IPersistentState<AccountState> state,
    SnapshotCache snapshots) : Grain, IAccountGrain
{
    private (string SnapshotId, Account Account, CompiledBook Book, PortfolioRiskState? Risk)? _compiled;

    public async Task SetAccount(string accountJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountJson);
        using (var document = JsonDocument.Parse(accountJson))
        {
            var id = document.RootElement.GetProperty("account").GetProperty("id").GetString();
            if (id != this.GetPrimaryKeyString())
                throw new ArgumentException($"account '{id}' sent to grain '{this.GetPrimaryKeyString()}'");
        }

        state.State.AccountJson = accountJson;
        _compiled = null;
        await state.WriteStateAsync();
    }

    public Task<string?> GetAccount() => Task.FromResult(state.State.AccountJson);

    public async Task ApplyFill(string snapshotId, Trade fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var loaded = await snapshots.Get(snapshotId);
        var account = Read(loaded);
        await SetAccount(BookJson.WriteAccount(Fills.Apply(account, loaded.Universe, fill)));
    }

    public async Task<AccountMargin> Margin(string snapshotId)
    {
        var loaded = await snapshots.Get(snapshotId);
        var (snapshot, version) = (loaded.Publication.SnapshotId, loaded.Publication.ProfileVersion);
        AccountMargin result;
        try
        {
            var book = Compiled(loaded).Book;
            var quote = book.Quote();
            var report = book.Report(quote);
            var status = report.MarginRatio is { } ratio ? ratio >= 1m ? AccountStatus.Liquidation : report.Equity < report.InitialMargin ? AccountStatus.BelowInitial : AccountStatus.Healthy
                : report.Unrounded.PoolMaintenanceMargin > 0 ? AccountStatus.Liquidation : AccountStatus.Healthy;
            result = new AccountMargin(this.GetPrimaryKeyString(), snapshot, version, quote.InitialMargin, quote.MaintenanceMargin, report.Equity, report.MarginRatio,
                status, null, state.State.LastStatus);
        }
        catch (Exception e) when (e is InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException or ConfigurationException
                                      or InvalidOperationException)
        {
            result = new AccountMargin(this.GetPrimaryKeyString(), snapshot, version, 0, 0, 0m, null, AccountStatus.Error, e.Message, state.State.LastStatus);
        }

        if (state.State.LastStatus != result.Status)
        {
            state.State.LastStatus = result.Status;
            await state.WriteStateAsync();
        }

        return result;
    }

    public async Task<WhatIfMargin> WhatIf(string snapshotId, Trade candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var loaded = await snapshots.Get(snapshotId);
        var compiled = Compiled(loaded);
        var risk = compiled.Risk ?? PortfolioRiskState.Create(compiled.Book);
        _compiled = compiled with { Risk = risk };
        var instrument = loaded.Universe.Instruments.TryGetValue(candidate.InstrumentId, out var i)
            ? i
            : throw new MissingMarketDataException("instrument", candidate.InstrumentId);
        var quote = risk.WhatIf(new Position(instrument, candidate.Quantity, candidate.Price));
        return new WhatIfMargin(this.GetPrimaryKeyString(), loaded.Publication.SnapshotId, loaded.Publication.ProfileVersion, risk.Current.InitialMargin,
            quote.InitialMargin, quote.MaintenanceMargin);
    }

    public async Task<string> Breakdown(string snapshotId)
    {
        var loaded = await snapshots.Get(snapshotId);
        var compiled = Compiled(loaded);
        var risk = compiled.Risk ?? PortfolioRiskState.Create(compiled.Book);
        _compiled = compiled with { Risk = risk };
        return JsonSerializer.Serialize(risk.Result, ReportJson.SerializerOptions);
    }

    /// <summary>The account read and compiled against the snapshot, reused while the snapshot and the account stay.</summary>
    private (string SnapshotId, Account Account, CompiledBook Book, PortfolioRiskState? Risk) Compiled(LoadedSnapshot loaded)
    {
        if (_compiled is { } cached && cached.SnapshotId == loaded.Publication.SnapshotId)
            return cached;
        var account = Read(loaded);
        var compiled = (loaded.Publication.SnapshotId, account, CompiledBook.Compile(account, loaded.Compiled), (PortfolioRiskState?)null);
        _compiled = compiled;
        return compiled;
    }

    private Account Read(LoadedSnapshot loaded) =>
        BookJson.ReadAccount(state.State.AccountJson ?? throw new InvalidOperationException($"account '{this.GetPrimaryKeyString()}' has not been set"),
            loaded.Universe, $"account {this.GetPrimaryKeyString()}");
}
