using System.Collections.Immutable;
using MarginEngine.Errors;
using MarginEngine.Pricing;
using NodaTime;

namespace MarginEngine.MarketData;

/// <summary>
/// Continuously compounded annual rates by expiry for one underlying (docs/methodology.md §Forwards and
/// discounting): the basis of its forwards (<c>F(T) = S x exp(r(T) x T)</c>) or the rate that discounts
/// its option values (<c>D(T) = exp(-r(T) x T)</c>). Between pillars the rate is linear in time; before the
/// first and after the last it is flat. A curve of one pillar is one rate for every expiry.
/// </summary>
public sealed record RateCurve
{
    /// <summary>Creates a curve from pillars, which must have distinct expiries; they are kept sorted.</summary>
    /// <exception cref="InvalidMarginInputException">No pillar, a non-finite rate, a rate outside (-1, 1), or two pillars on one expiry.</exception>
    public RateCurve(IEnumerable<(Instant Expiry, double Rate)> pillars, string field = "rateCurve")
    {
        Pillars = [.. Guard.NotNull(pillars, field).OrderBy(p => p.Expiry)];
        if (Pillars.IsEmpty)
            throw new InvalidMarginInputException(field, "needs at least one pillar");
        for (var i = 0; i < Pillars.Length; i++)
        {
            var rate = Pillars[i].Rate;
            if (!(double.IsFinite(rate) && rate > -1 && rate < 1))
                throw new InvalidMarginInputException($"{field}[{i}].rate", $"must be in (-1, 1) but was {Guard.Show(rate)}");
            if (i > 0 && Pillars[i].Expiry == Pillars[i - 1].Expiry)
                throw new InvalidMarginInputException($"{field}[{i}].expiry", $"{Pillars[i].Expiry} is given twice");
        }
    }

    /// <summary>The pillars, earliest first.</summary>
    public ImmutableArray<(Instant Expiry, double Rate)> Pillars { get; }

    /// <summary>One rate for every expiry.</summary>
    public static RateCurve Flat(double rate, string field = "rateCurve") => new([(Instant.MinValue, rate)], field);

    /// <summary>Whether the curve is one rate for every expiry (<see cref="Flat"/>).</summary>
    public bool IsFlat => Pillars.Length == 1 && Pillars[0].Expiry == Instant.MinValue;

    /// <summary>
    /// The curve of forwards observed at <paramref name="valuationTime"/> with spot <paramref name="spot"/>: each
    /// forward F at expiry T becomes the rate ln(F / S) / T (years from the valuation time).
    /// </summary>
    /// <exception cref="InvalidMarginInputException">A forward not finite and positive, or an expiry not after the valuation time.</exception>
    public static RateCurve FromForwards(IEnumerable<(Instant Expiry, double Forward)> forwards, double spot, Instant valuationTime, string field = "forwards") =>
        new(Guard.NotNull(forwards, field).Select((f, i) =>
        {
            Guard.FinitePositive(f.Forward, $"{field}[{i}].forward");
            var years = YearFraction.Between(valuationTime, f.Expiry);
            return years > 0
                ? (f.Expiry, Math.Log(f.Forward / spot) / years)
                : throw new InvalidMarginInputException($"{field}[{i}].expiry", $"{f.Expiry} is not after the valuation time {valuationTime}");
        }).ToList(), field);

    /// <summary>The rate at <paramref name="expiry"/>: linear in time between pillars, flat outside.</summary>
    public double RateAt(Instant expiry)
    {
        if (expiry <= Pillars[0].Expiry)
            return Pillars[0].Rate;
        for (var i = 1; i < Pillars.Length; i++)
        {
            if (expiry <= Pillars[i].Expiry)
            {
                var (t0, r0) = Pillars[i - 1];
                var (t1, r1) = Pillars[i];
                var w = (expiry - t0).TotalSeconds / (t1 - t0).TotalSeconds;
                return r0 + w * (r1 - r0);
            }
        }

        return Pillars[^1].Rate;
    }
}
