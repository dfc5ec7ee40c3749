namespace MarginEngine.Results;

/// <summary>One add-on of a risk unit, in the unit's currency (positive = charge).</summary>
/// <param name="Name">e.g. "roll shock", "delta shock", "short option contingency".</param>
/// <param name="Amount">Charge.</param>
public sealed record AddOnCharge(string Name, double Amount);
