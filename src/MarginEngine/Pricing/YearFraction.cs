using NodaTime;

namespace MarginEngine.Pricing;

/// <summary>
/// Time to expiry in years: the exact duration between two instants over 365 days of 86,400 seconds
/// (ACT/365 on exact durations, as Deribit; docs/methodology.md §Pricing).
/// </summary>
public static class YearFraction
{
    /// <summary>Days in a year.</summary>
    public const double DaysPerYear = 365.0;

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public static double Between(Instant from, Instant to) => (to - from).TotalDays / DaysPerYear;
}
