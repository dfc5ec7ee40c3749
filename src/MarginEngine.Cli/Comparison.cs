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
    /// <summary>
    /// One row: figures, or why they could not be computed (a preset lacking a figure the book needs);
    /// <paramref name="Supplied"/> names the figures taken from the book's supplied section.
    /// </summary>
    public sealed record Row(string Profile, string Method, decimal? InitialMargin, decimal? MaintenanceMargin, decimal? Equity, decimal? AvailableBalance,
        string? NotAvailable, IReadOnlyList<string> Supplied);

    /// <summary>The book under its own profile and every preset, for every method each offers.</summary>
    public static IReadOnlyList<Row> Run(Book book)
    {
        var books = new List<Book> { book };
        books.AddRange(RiskProfilePresets.Names.Where(n => n != book.Profile.Name).Select(n => book.Under(RiskProfilePresets.Get(n))));
        var rows = new List<Row>();
        foreach (var b in books)
        {
            var profile = b.Profile;
            foreach (var method in profile.Methods)
            {
                var supplied = profile.SuppliedFiguresFor(b.Account, method);
                switch (method)
                {
                    case MarginMethod.Isolated:
                        rows.Add(Try(profile, "isolated", supplied, () => IsolatedMarginCalculator.Calculate(b.Account, b.Market, profile)));
                        break;
                    case MarginMethod.Cross:
                        rows.Add(Try(profile, "cross", supplied, () => CrossMarginCalculator.Calculate(b.Account, b.Market, profile)));
                        break;
                    case MarginMethod.Portfolio:
                        if (profile.Portfolio is not null)
                            rows.Add(Try(profile, "portfolio", supplied, () => PortfolioMarginCalculator.Calculate(b.Account, b.Market, profile).Report));
                        if (profile.Unified is not null)
                            rows.Add(Try(profile, "portfolio (uniMMR)", supplied, () => UnifiedMarginCalculator.Calculate(b.Account, b.Market, profile).Report));
                        break;
                }
            }
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
                table.AddRow(Markup.Escape(r.Profile), r.Method, Money(r.InitialMargin!.Value), Money(r.MaintenanceMargin!.Value), Money(r.Equity!.Value), Money(r.AvailableBalance!.Value),
                    r.Supplied.Count == 0 ? "" : $"[grey]user-supplied: {Markup.Escape(string.Join(", ", r.Supplied))}[/]");
        }

        RightAlign(table, 2);
        table.Columns[^1].LeftAligned();
        console.Write(table);
    }

    private static Row Try(RiskProfile profile, string method, IReadOnlyList<string> supplied, Func<MarginReport> compute)
    {
        try
        {
            var r = compute();
            return new Row(profile.Name, method, r.InitialMargin, r.MaintenanceMargin, r.Equity, r.AvailableBalance, null, supplied);
        }
        catch (Exception e) when (e is MissingRiskParameterException or MissingMarketDataException or InvalidMarginInputException)
        {
            return new Row(profile.Name, method, null, null, null, null, e.Message, supplied);
        }
    }
}
