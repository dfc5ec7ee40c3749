using MarginEngine.Errors;
using MarginEngine.Json;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;
using Spectre.Console;
using static MarginEngine.Cli.ReportTables;

namespace MarginEngine.Cli;

/// <summary>One book under every profile (its own and each preset) and every method.</summary>
internal static class Comparison
{
    /// <summary>One row: figures, or why they could not be computed (a preset lacking the book's instruments, say).</summary>
    public sealed record Row(string Profile, string Method, decimal? InitialMargin, decimal? MaintenanceMargin, decimal? Equity, decimal? AvailableBalance, string? NotAvailable);

    public static IReadOnlyList<Row> Run(Book book)
    {
        var profiles = new List<RiskProfile> { book.Profile };
        profiles.AddRange(RiskProfilePresets.Names.Where(n => n != book.Profile.Name).Select(RiskProfilePresets.Get));
        var rows = new List<Row>();
        foreach (var profile in profiles)
        {
            rows.Add(Try(profile, "isolated", () => IsolatedMarginCalculator.Calculate(book.Account, book.Market, profile)));
            rows.Add(Try(profile, "cross", () => CrossMarginCalculator.Calculate(book.Account, book.Market, profile)));
            if (profile.Portfolio is not null)
                rows.Add(Try(profile, "portfolio", () => PortfolioMarginCalculator.Calculate(book.Account, book.Market, profile).Report));
            if (profile.Unified is not null)
                rows.Add(Try(profile, "portfolio (uniMMR)", () => UnifiedMarginCalculator.Calculate(book.Account, book.Market, profile).Report));
        }

        return rows;
    }

    public static void Render(IReadOnlyList<Row> rows, IAnsiConsole console)
    {
        var table = new Table().Title("The book under every profile and method (USD)")
            .AddColumns("Profile", "Method", "Initial margin", "Maintenance margin", "Equity", "Available", "Note");
        foreach (var r in rows)
        {
            if (r.NotAvailable is { } why)
                table.AddRow(Markup.Escape(r.Profile), r.Method, "-", "-", "-", "-", $"[grey]{Markup.Escape(why)}[/]");
            else
                table.AddRow(Markup.Escape(r.Profile), r.Method, Money(r.InitialMargin!.Value), Money(r.MaintenanceMargin!.Value), Money(r.Equity!.Value), Money(r.AvailableBalance!.Value), "");
        }

        RightAlign(table, 2);
        table.Columns[^1].LeftAligned();
        console.Write(table);
    }

    private static Row Try(RiskProfile profile, string method, Func<MarginReport> compute)
    {
        try
        {
            var r = compute();
            return new Row(profile.Name, method, r.InitialMargin, r.MaintenanceMargin, r.Equity, r.AvailableBalance, null);
        }
        catch (Exception e) when (e is MissingRiskParameterException or MissingMarketDataException)
        {
            return new Row(profile.Name, method, null, null, null, null, e.Message);
        }
    }
}
