using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>Margin on borrowed value (a negative balance or currency equity, by <see cref="Basis"/>): IM and MM as fractions of its USD value (OKX MR8 style).</summary>
public sealed record BorrowRates
{
    /// <summary>Creates borrow rates, each in [0, 1], IM at least MM.</summary>
    /// <exception cref="InvalidMarginInputException">A rate outside [0, 1] or IM below MM.</exception>
    public BorrowRates(decimal initialMarginRate, decimal maintenanceMarginRate, BorrowBasis basis = BorrowBasis.NegativeBalance)
    {
        Basis = basis;
        InitialMarginRate = Guard.InRange(initialMarginRate, 0m, 1m, "borrow.initialMarginRate");
        MaintenanceMarginRate = Guard.InRange(maintenanceMarginRate, 0m, 1m, "borrow.maintenanceMarginRate");
        if (initialMarginRate < maintenanceMarginRate)
            throw new InvalidMarginInputException("borrow.initialMarginRate", "must be at least the maintenance margin rate");
    }

    /// <summary>IM per USD borrowed.</summary>
    public decimal InitialMarginRate { get; }

    /// <summary>MM per USD borrowed.</summary>
    public decimal MaintenanceMarginRate { get; }

    /// <summary>What counts as borrowed: a negative balance, or a negative currency equity.</summary>
    public BorrowBasis Basis { get; }
}
