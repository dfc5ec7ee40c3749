namespace MarginEngine.Orleans;

/// <summary>
/// A published market snapshot: an immutable id, the profile version it is margined under, and the universe (assets,
/// instruments, market, profile) as <see cref="Json.BookJson.WriteUniverse"/> writes it. Every result names both.
/// </summary>
/// <param name="SnapshotId">Immutable id: one id, one content.</param>
/// <param name="ProfileVersion">The profile's version, stamped on every result.</param>
/// <param name="UniverseJson">Assets, instruments, market and profile (docs/input-format.md).</param>
[GenerateSerializer, Immutable]
public sealed record SnapshotPublication([property: Id(0)] string SnapshotId, [property: Id(1)] string ProfileVersion, [property: Id(2)] string UniverseJson);

/// <summary>Where an account stands against maintenance and initial margin.</summary>
public enum AccountStatus
{
    /// <summary>Equity at or above IM.</summary>
    Healthy,

    /// <summary>Equity below IM but the pool above MM: no new risk.</summary>
    BelowInitial,

    /// <summary>The pool at or past MM (margin ratio at or above 1, or no positive balance with MM to cover).</summary>
    Liquidation,

    /// <summary>The account could not be margined (its error says why).</summary>
    Error,
}

/// <summary>An account's portfolio margin against one snapshot (USD; IM and MM unrounded, as <see cref="Portfolio.MarginSweep"/> gives them).</summary>
/// <param name="AccountId">Account.</param>
/// <param name="SnapshotId">The snapshot it was computed on.</param>
/// <param name="ProfileVersion">The profile version it was computed under.</param>
/// <param name="InitialMargin">Portfolio IM (unrounded, before isolated and borrow margin).</param>
/// <param name="MaintenanceMargin">Portfolio MM (unrounded).</param>
/// <param name="Equity">The account's equity (rounded as reports are).</param>
/// <param name="MarginRatio">Pool MM / pool balance; null when the balance is not positive.</param>
/// <param name="Status">Healthy, below IM, in liquidation, or error.</param>
/// <param name="Error">Why it could not be computed, or null.</param>
/// <param name="PreviousStatus">The status of this account's previous margin (persisted), or null for its first.</param>
[GenerateSerializer, Immutable]
public sealed record AccountMargin(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string SnapshotId,
    [property: Id(2)] string ProfileVersion,
    [property: Id(3)] double InitialMargin,
    [property: Id(4)] double MaintenanceMargin,
    [property: Id(5)] decimal Equity,
    [property: Id(6)] decimal? MarginRatio,
    [property: Id(7)] AccountStatus Status,
    [property: Id(8)] string? Error,
    [property: Id(9)] AccountStatus? PreviousStatus);

/// <summary>A trade: <paramref name="Quantity"/> contracts (signed: buy positive) of an instrument at a price.</summary>
/// <param name="InstrumentId">Instrument, as the snapshot's universe names it.</param>
/// <param name="Quantity">Signed contracts.</param>
/// <param name="Price">Trade price.</param>
[GenerateSerializer, Immutable]
public sealed record Trade([property: Id(0)] string InstrumentId, [property: Id(1)] decimal Quantity, [property: Id(2)] decimal Price);

/// <summary>Portfolio IM and MM now and if a candidate trade were added (a pre-trade check).</summary>
/// <param name="AccountId">Account.</param>
/// <param name="SnapshotId">Snapshot.</param>
/// <param name="ProfileVersion">Profile version.</param>
/// <param name="InitialMarginNow">IM without the trade.</param>
/// <param name="InitialMargin">IM with it.</param>
/// <param name="MaintenanceMargin">MM with it.</param>
[GenerateSerializer, Immutable]
public sealed record WhatIfMargin(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string SnapshotId,
    [property: Id(2)] string ProfileVersion,
    [property: Id(3)] double InitialMarginNow,
    [property: Id(4)] double InitialMargin,
    [property: Id(5)] double MaintenanceMargin);

/// <summary>A sweep of many accounts against one snapshot: every result (errors per account) and whose status changed.</summary>
/// <param name="SnapshotId">Snapshot.</param>
/// <param name="Results">One per account asked for, in order.</param>
/// <param name="StatusChanged">Accounts whose status differs from their previous sweep's (e.g. crossed into liquidation).</param>
[GenerateSerializer, Immutable]
public sealed record SweepResult([property: Id(0)] string SnapshotId, [property: Id(1)] AccountMargin[] Results, [property: Id(2)] string[] StatusChanged);

/// <summary>A published snapshot, keyed by its id; its content never changes once published.</summary>
public interface ISnapshotGrain : IGrainWithStringKey
{
    /// <summary>Publishes the snapshot; publishing the same id again with other content fails.</summary>
    Task Publish(SnapshotPublication publication);

    /// <summary>The publication, or null before it is published.</summary>
    Task<SnapshotPublication?> Get();
}

/// <summary>One account, keyed by its id: its persisted book and its margin against any published snapshot.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Replaces the account (JSON as <see cref="Json.BookJson.WriteAccount(Accounts.Account)"/> writes it).</summary>
    Task SetAccount(string accountJson);

    /// <summary>The account's JSON, or null when none was set.</summary>
    Task<string?> GetAccount();

    /// <summary>Applies a fill: the position in the instrument grows, shrinks or flips (average entry on growth), read against the snapshot's instruments.</summary>
    Task ApplyFill(string snapshotId, Trade fill);

    /// <summary>Portfolio margin now against <paramref name="snapshotId"/>; the status is remembered for sweeps.</summary>
    Task<AccountMargin> Margin(string snapshotId);

    /// <summary>Margin if <paramref name="candidate"/> were filled, from the compiled risk state (O(scenarios)).</summary>
    Task<WhatIfMargin> WhatIf(string snapshotId, Trade candidate);

    /// <summary>The full portfolio breakdown as JSON (docs/input-format.md §Output).</summary>
    Task<string> Breakdown(string snapshotId);
}

/// <summary>Margins a list of accounts against one snapshot, bounded in concurrency (a snapshot's fan-out).</summary>
public interface ISweepCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Margins every account of <paramref name="accountIds"/> against <paramref name="snapshotId"/>, at most <paramref name="maxConcurrency"/> at a time.</summary>
    Task<SweepResult> Sweep(string snapshotId, string[] accountIds, int maxConcurrency);

    /// <summary>The address of the silo the coordinator runs on (operations, tests).</summary>
    Task<string> Silo();
}
