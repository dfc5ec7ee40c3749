using CsCheck;
using MarginEngine.Accounts;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.Json;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using NodaTime;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Properties;

/// <summary>A generated book under one preset: account, snapshot, and the preset with the figures it leaves to the user supplied.</summary>
public sealed record WideBook(Account Account, MarketSnapshot Market, RiskProfile Profile)
{
    public override string ToString() =>
        $"{Profile.Name} | {string.Join("; ", Account.Balances.Select(b => $"{b.Asset.Id} {b.Quantity}"))} | "
        + $"{string.Join("; ", Account.Positions.Select(p => $"{p.Instrument.Id} {p.Quantity} @ {p.EntryPrice}"))} | "
        + $"{string.Join("; ", Account.Orders.Select(o => $"{o.Side} {o.Quantity} {o.Instrument.Id} @ {o.LimitPrice}"))}";
}

/// <summary>
/// Books of every instrument kind (spot, linear and inverse perpetuals and futures, linear and inverse options), resting
/// orders, stablecoin and coin collateral, borrows (negative balances), under every shipped preset with what it leaves to
/// the user supplied (one bracket at 1 % MM and 50x, 0.95 haircuts, Bybit's option rates). Sizes stay inside the
/// presets' published bracket and haircut caps.
/// </summary>
public static class WideBooks
{
    private static readonly Instant Expiry = Now.Plus(Duration.FromDays(60));
    private static readonly Perpetual BtcInverse = new("BTCUSD", Btc, Btc, Settlement.Inverse, 100m);
    private static readonly Future BtcFuture = new("BTCUSDT-F", Btc, Usdt, Settlement.Linear, Expiry);
    private static readonly Future BtcInverseFuture = new("BTCUSD-F", Btc, Btc, Settlement.Inverse, Expiry, 100m);
    private static readonly Spot BtcSpot = new("BTC/USDT", Btc, Usdt);

    private static readonly BracketSchedule OneBracket = BracketSchedule.Create([new(0m, null, 50m, 0.01m)]);

    private static readonly ProfileSupplement Supplied = new("generated",
        brackets: new[] { "BTC/USDT perpetual", "ETH/USDT perpetual", "BTC inverse perpetual", "BTC/USDT future", "BTC inverse future" }
            .ToDictionary(k => k, _ => OneBracket),
        haircuts: new Dictionary<string, HaircutSchedule>
        {
            ["USDT"] = HaircutSchedule.Flat(1m),
            ["BTC"] = HaircutSchedule.Flat(0.95m),
            ["ETH"] = HaircutSchedule.Flat(0.95m),
        },
        options: OptionMarginRates.Bybit);

    private static readonly RiskProfile[] Presets = [.. RiskProfilePresets.Names.Select(n => RiskProfilePresets.Get(n).WithSupplement(Supplied))];

    private static readonly Gen<decimal> Size = Gen.Int[-300, 300].Where(q => q != 0).Select(q => q / 100m);

    private static readonly Gen<(int Strike, int Days, bool Call, bool Inverse, decimal Quantity, double Vol)> OptionLeg =
        Gen.Select(Gen.Int[6, 18], Gen.Int[2, 180], Gen.Bool, Gen.Bool, Size, Gen.Double[0.2, 1.5])
            .Select((k, d, c, i, q, v) => (k * 5_000, d, c, i, q, v));

    private static readonly Gen<(int Instrument, bool Buy, decimal Quantity, double Offset)> OrderLeg =
        Gen.Select(Gen.Int[0, 3], Gen.Bool, Gen.Int[1, 200].Select(q => q / 100m), Gen.Double[-0.05, 0.05]);

    private static readonly Gen<(decimal Usdt, decimal Btc, decimal Eth)> Balances =
        Gen.Select(Gen.OneOf(Gen.Int[-50_000, -1], Gen.Int[0, 1_000_000]), Gen.Int[-50, 500], Gen.Int[0, 2_000])
            .Select((u, b, e) => ((decimal)u, b / 100m, e / 100m));   // half the books borrow USDT

    /// <summary>The generator.</summary>
    public static readonly Gen<WideBook> Books =
        Gen.Select(Gen.Double[20_000, 100_000], Gen.Double[1_000, 5_000], Size.Array[5], OptionLeg.Array[0, 4], OrderLeg.Array[0, 3], Balances,
                Gen.Int[0, Presets.Length - 1])
            .Select((btc, eth, sizes, legs, orderLegs, balances, preset) =>
            {
                var marks = new Dictionary<string, double>
                {
                    ["BTCUSDT"] = btc,
                    ["ETHUSDT"] = eth,
                    ["BTCUSD"] = btc,
                    ["BTCUSDT-F"] = btc * 1.01,
                    ["BTCUSD-F"] = btc * 1.01,
                    ["BTC/USDT"] = btc,
                };
                var vols = new Dictionary<string, double>();
                var round = (decimal)Math.Round(btc);
                var positions = new List<Position>
                {
                    new(BtcUsdt, sizes[0], round),
                    new(EthUsdt, sizes[1] * 10, (decimal)Math.Round(eth)),
                    new(BtcInverse, sizes[2] * 100, round),
                    new(BtcFuture, sizes[3], round),
                    new(BtcInverseFuture, sizes[4] * 100, round),
                    new(BtcSpot, Math.Abs(sizes[0]), round),
                };
                var options = new List<EuropeanOption>();
                foreach (var (strike, days, call, inverse, quantity, vol) in legs.DistinctBy(l => (l.Strike, l.Days, l.Call, l.Inverse)))
                {
                    var option = new EuropeanOption($"BTC-{days}-{strike}-{(call ? "C" : "P")}{(inverse ? "-I" : "")}", Btc, inverse ? Btc : Usdt,
                        inverse ? Settlement.Inverse : Settlement.Linear, call ? OptionRight.Call : OptionRight.Put, strike, Now.Plus(Duration.FromDays(days)));
                    var price = inverse ? 0.02 : 0.02 * btc;   // 2 % of the index: in coin for inverse options, USDT for linear ones
                    marks[option.Id] = price;
                    vols[option.Id] = vol;
                    positions.Add(new Position(option, quantity, (decimal)Math.Round(price, inverse ? 4 : 0)));
                    options.Add(option);
                }

                var orders = orderLegs.Select((o, i) =>
                {
                    Instrument instrument = o.Instrument switch { 0 => BtcUsdt, 1 => EthUsdt, 2 => BtcInverse, _ => options.Count > 0 ? options[0] : BtcFuture };
                    var mark = marks[instrument.Id];
                    return new OpenOrder($"o{i}", instrument, o.Buy ? OrderSide.Buy : OrderSide.Sell, instrument is Perpetual { Settlement: Settlement.Inverse } ? o.Quantity * 100 : o.Quantity,
                        (decimal)Math.Round(mark * (1 + o.Offset), instrument is EuropeanOption { Settlement: Settlement.Inverse } ? 4 : 1));
                }).ToList();

                var market = new MarketSnapshot(Now, new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = btc, ["ETH"] = eth }, marks, vols);
                var account = new Account("generated", MarginMode.Cross,
                    [new Balance(Usdt, balances.Usdt), new Balance(Btc, balances.Btc), new Balance(Eth, balances.Eth)], positions, orders);
                return new WideBook(account, market, Presets[preset]);
            });
}
