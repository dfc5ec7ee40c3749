using MarginEngine.Json;
using MarginEngine.Results;
using NodaTime;

namespace MarginEngine.Cli;

/// <summary>The documents <c>--json</c> prints (docs/input-format.md §Output), each stamped with the schema version.</summary>
internal static class JsonDocuments
{
    /// <summary>Version of the output schema; raised when a field changes meaning or disappears.</summary>
    public const int SchemaVersion = 1;

    /// <summary><c>margin report --json</c>: what was computed, with the profile and snapshot it was computed on.</summary>
    public sealed record ReportDocument(int SchemaVersion, string Account, string Profile, string? ProfileAsOf, Instant ValuationTime,
        IReadOnlyList<string> UserSupplied, MarginReport? Isolated, MarginReport? Cross, PortfolioMarginResult? Portfolio, UnifiedMarginResult? Unified,
        LegCosts LegCosts, IReadOnlyList<string> NotComputed);

    /// <summary><c>margin compare --json</c>: one row per profile and method.</summary>
    public sealed record ComparisonDocument(int SchemaVersion, string Account, Instant ValuationTime, IReadOnlyList<Comparison.Row> Rows);

    /// <summary><c>margin cliff --json</c>: one sweep per method, every step, and the liquidation points.</summary>
    public sealed record CliffDocument(int SchemaVersion, string Account, string Profile, Instant ValuationTime, IReadOnlyList<Cliff.CliffResult> Results);

    public static CliffDocument Cliff(Book book, IReadOnlyList<Cliff.CliffResult> results) =>
        new(SchemaVersion, book.Account.Id, book.Profile.Name, book.Market.ValuationTime, results);

    /// <summary><c>margin liquidate --json</c>: one plan per method.</summary>
    public sealed record LiquidationDocument(int SchemaVersion, string Account, string Profile, Instant ValuationTime, IReadOnlyList<Liquidation.LiquidationPlan> Plans);

    /// <summary><c>margin adl --json</c>: every ranked position.</summary>
    public sealed record AdlDocument(int SchemaVersion, string Profile, Instant ValuationTime, int Accounts, IReadOnlyList<Liquidation.AdlRank> Ranks);

    public static LiquidationDocument Liquidation(Book book, IReadOnlyList<Liquidation.LiquidationPlan> plans) =>
        new(SchemaVersion, book.Account.Id, book.Profile.Name, book.Market.ValuationTime, plans);

    public static AdlDocument Adl(IReadOnlyList<Book> population, IReadOnlyList<Liquidation.AdlRank> ranks) =>
        new(SchemaVersion, population[0].Profile.Name, population[0].Market.ValuationTime, population.Count, ranks);

    public static ReportDocument Report(Book book, BookReports reports) => new(
        SchemaVersion, book.Account.Id, book.Profile.Name, book.Profile.Provenance.AsOf, book.Market.ValuationTime,
        [.. reports.Summaries().SelectMany(s => book.Profile.SuppliedFiguresFor(book.Account, s.Report.Method)).Distinct()],
        reports.Isolated, reports.Cross, reports.Portfolio, reports.Unified, reports.Costs, reports.NotComputed);

    public static ComparisonDocument Comparison(Book book, IReadOnlyList<Comparison.Row> rows) =>
        new(SchemaVersion, book.Account.Id, book.Market.ValuationTime, rows);
}
