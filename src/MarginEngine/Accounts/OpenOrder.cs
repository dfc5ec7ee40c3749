using MarginEngine.Errors;
using MarginEngine.Instruments;

namespace MarginEngine.Accounts;

/// <summary>A resting limit order.</summary>
public sealed record OpenOrder
{
    /// <summary>Creates an order of <paramref name="quantity"/> (&gt; 0) contracts at <paramref name="limitPrice"/>.</summary>
    /// <exception cref="InvalidMarginInputException">Empty id, non-positive quantity or price.</exception>
    public OpenOrder(string id, Instrument instrument, OrderSide side, decimal quantity, decimal limitPrice)
    {
        Id = Guard.Id(id, "order.id");
        Instrument = Guard.NotNull(instrument, $"orders[{id}].instrument");
        Side = side;
        Quantity = Numerics.Limits.Quantity(Guard.Positive(quantity, $"orders[{id}].quantity"), $"orders[{id}].quantity");
        LimitPrice = Numerics.Limits.Price(limitPrice, $"orders[{id}].limitPrice");
    }

    /// <summary>Order id, unique within the account.</summary>
    public string Id { get; }

    /// <summary>The instrument.</summary>
    public Instrument Instrument { get; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; }

    /// <summary>Unsigned contracts still open.</summary>
    public decimal Quantity { get; }

    /// <summary>Limit price in the instrument's quote.</summary>
    public decimal LimitPrice { get; }

    /// <summary>Signed quantity: positive for a buy.</summary>
    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;
}
