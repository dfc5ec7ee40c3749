namespace MarginEngine.Pricing;

/// <summary>Black-76 sensitivities of one option per coin of underlying.</summary>
/// <param name="Delta">dV/dF, coins.</param>
/// <param name="Gamma">d²V/dF², per USD.</param>
/// <param name="Vega">dV/dσ, USD per 1.00 (100 vol points).</param>
/// <param name="Theta">dV/dt, USD per year (negative: value lost as time passes).</param>
public readonly record struct Greeks(double Delta, double Gamma, double Vega, double Theta);
