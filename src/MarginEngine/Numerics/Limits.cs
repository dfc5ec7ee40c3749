using MarginEngine.Errors;

namespace MarginEngine.Numerics;

/// <summary>
/// The representable range of inputs (docs/numerics.md §Ranges): anything outside is rejected at the door with a typed
/// error naming the field, so no product of them can leave decimal's range (±7.9e28) or lose a price to zero, and no
/// grid or solver can run away.
/// </summary>
public static class Limits
{
    /// <summary>Lowest price accepted (index, mark, strike, entry, limit): far below any venue's quote, far above decimal's 1e-28.</summary>
    public const double MinPrice = 1e-12;

    /// <summary>Highest price accepted.</summary>
    public const double MaxPrice = 1e12;

    /// <summary>Largest |quantity| of a position, order or balance, and largest contract size: notionals stay below 1e27.</summary>
    public const double MaxQuantity = 1e15;

    /// <summary>Longest time to expiry, years: bounds the roll shock's exp(rate x T).</summary>
    public const double MaxTenorYears = 30;

    /// <summary>Largest relative price move of a scenario (+10,000%); moves above -100% only.</summary>
    public const double MaxMove = 100;

    /// <summary>Most scenarios in one risk unit.</summary>
    public const int MaxScenarios = 10_000;

    /// <summary>Highest implied volatility accepted (1,000%).</summary>
    public const double MaxVolatility = 10;

    /// <summary><paramref name="price"/> if within [<see cref="MinPrice"/>, <see cref="MaxPrice"/>].</summary>
    /// <exception cref="InvalidMarginInputException">Outside the range, or not finite.</exception>
    public static double Price(double price, string field) =>
        price >= MinPrice && price <= MaxPrice
            ? price
            : throw new InvalidMarginInputException(field, $"must be a price in [{MinPrice:R}, {MaxPrice:R}] but was {Guard.Show(price)}");

    /// <inheritdoc cref="Price(double, string)"/>
    public static decimal Price(decimal price, string field) =>
        price >= (decimal)MinPrice && price <= (decimal)MaxPrice
            ? price
            : throw new InvalidMarginInputException(field, $"must be a price in [{MinPrice:R}, {MaxPrice:R}] but was {Guard.Show(price)}");

    /// <summary><paramref name="quantity"/> if |quantity| ≤ <see cref="MaxQuantity"/>.</summary>
    /// <exception cref="InvalidMarginInputException">Larger.</exception>
    public static decimal Quantity(decimal quantity, string field) =>
        Math.Abs(quantity) <= (decimal)MaxQuantity
            ? quantity
            : throw new InvalidMarginInputException(field, $"|{Guard.Show(quantity)}| is above the largest quantity accepted, {MaxQuantity:R}");
}
