using System.Globalization;

namespace MarginEngine.Errors;

/// <summary>Argument checks shared by every constructor: messages name the field, its value and the rule.</summary>
internal static class Guard
{
    public static double FinitePositive(double value, string field)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new InvalidMarginInputException(field, $"must be finite and > 0 but was {Show(value)}");
        return value;
    }

    public static double FiniteNonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new InvalidMarginInputException(field, $"must be finite and >= 0 but was {Show(value)}");
        return value;
    }

    public static decimal Positive(decimal value, string field)
    {
        if (value <= 0)
            throw new InvalidMarginInputException(field, $"must be > 0 but was {Show(value)}");
        return value;
    }

    public static decimal NonNegative(decimal value, string field)
    {
        if (value < 0)
            throw new InvalidMarginInputException(field, $"must be >= 0 but was {Show(value)}");
        return value;
    }

    public static decimal NonZero(decimal value, string field)
    {
        if (value == 0)
            throw new InvalidMarginInputException(field, "must not be zero (positive = long, negative = short)");
        return value;
    }

    public static decimal InRange(decimal value, decimal min, decimal max, string field)
    {
        if (value < min || value > max)
            throw new InvalidMarginInputException(field, $"must be in [{Show(min)}, {Show(max)}] but was {Show(value)}");
        return value;
    }

    public static string Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidMarginInputException(field, "must be a non-empty id");
        return value;
    }

    public static T NotNull<T>(T? value, string field) where T : class =>
        value ?? throw new InvalidMarginInputException(field, "is required");

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
