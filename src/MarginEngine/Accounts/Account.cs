using System.Collections.Immutable;
using MarginEngine.Errors;

namespace MarginEngine.Accounts;

/// <summary>
/// A trading account: wallet balances (the cross pool), positions (isolated ones carry their own
/// margin, already taken out of the balances), resting orders and the account's margin mode.
/// </summary>
public sealed record Account
{
    /// <summary>Creates an account, rejecting duplicate assets, instruments and order ids.</summary>
    /// <exception cref="InvalidMarginInputException">A duplicate.</exception>
    public Account(string id, MarginMode mode, IEnumerable<Balance> balances, IEnumerable<Position> positions, IEnumerable<OpenOrder>? orders = null,
        IEnumerable<MarginReserve>? reserves = null)
    {
        Id = Guard.Id(id, "account.id");
        Mode = mode;
        Balances = Unique(balances, b => b.Asset.Id, "balances");
        Positions = Unique(positions, p => p.Instrument.Id, "positions");
        Orders = Unique(orders ?? [], o => o.Id, "orders");
        Reserves = Unique(reserves ?? [], r => r.Name, "reserves");
    }

    /// <summary>Account id.</summary>
    public string Id { get; }

    /// <summary>Cross or portfolio; isolated positions can live in either.</summary>
    public MarginMode Mode { get; }

    /// <summary>Wallet balances, one per asset.</summary>
    public ImmutableArray<Balance> Balances { get; }

    /// <summary>Positions, one per instrument.</summary>
    public ImmutableArray<Position> Positions { get; }

    /// <summary>Resting orders.</summary>
    public ImmutableArray<OpenOrder> Orders { get; }

    /// <summary>Amounts held back as IM beyond the positions' own (Deribit's MMP margin, say).</summary>
    public ImmutableArray<MarginReserve> Reserves { get; }

    /// <summary>Returns the account with <paramref name="position"/> added, or replacing the one in the same instrument.</summary>
    public Account WithPosition(Position position) =>
        new(Id, Mode, Balances, Positions.Where(p => p.Instrument.Id != position.Instrument.Id).Append(position), Orders, Reserves);

    private static ImmutableArray<T> Unique<T>(IEnumerable<T> items, Func<T, string> key, string field)
        where T : class
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<T>();
        foreach (var item in Guard.NotNull(items, field))
        {
            var id = key(Guard.NotNull(item, field));
            if (!seen.Add(id))
                throw new InvalidMarginInputException($"{field}[{id}]", "appears twice");
            result.Add(item);
        }

        return result.ToImmutable();
    }
}
