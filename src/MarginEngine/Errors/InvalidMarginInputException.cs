namespace MarginEngine.Errors;

/// <summary>
/// Thrown when an input value breaks a rule: NaN, a negative price, a quantity of the wrong sign,
/// overlapping tiers, a duplicate id. <see cref="ArgumentException.ParamName"/> names the field.
/// </summary>
public sealed class InvalidMarginInputException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> with a message stating the rule broken.</summary>
    public InvalidMarginInputException(string field, string message)
        : base($"{field}: {message}", field)
    {
        Field = field;
    }

    /// <summary>The offending field, e.g. <c>positions[2].quantity</c> or <c>brackets[BTCUSDT][1].notionalFloor</c>.</summary>
    public string Field { get; }

    /// <summary>The message without the parameter-name suffix that <see cref="ArgumentException"/> appends.</summary>
    public override string Message => base.Message.Split(" (Parameter")[0];
}
