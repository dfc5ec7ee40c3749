using System.Collections.Immutable;
using System.Text.Json;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;

namespace MarginEngine.Json;

/// <summary>Reads and writes the <c>portfolio</c> section of a profile (docs/input-format.md §Portfolio).</summary>
internal static class PortfolioJson
{
    public static PortfolioParameters Read(JsonCursor p)
    {
        p.Only("family", "maintenanceFactor", "initialFactor", "lossFactors", "aggregation", "units", "default");
        var units = new Dictionary<string, RiskUnitParameters>(StringComparer.Ordinal);
        if (p.Optional("units") is { } map)
        {
            foreach (var (id, unit) in map.Properties())
                units[id] = ReadUnit(unit);
        }

        var defaultUnit = p.Optional("default") is { } d ? ReadUnit(d) : null;
        var aggregation = p.Optional("aggregation") is { } a ? ReadAggregation(a) : new CrossUnitAggregation.NoOffset();
        return p.Build(() => new PortfolioParameters(
            p.Optional("family")?.Enum<MarginFamily>() ?? MarginFamily.RiskMatrix,
            units,
            defaultUnit,
            p.Optional("maintenanceFactor")?.Double() ?? 1.0,
            p.Optional("initialFactor")?.Double(),
            aggregation)
        {
            LossFactors = p.Optional("lossFactors") is { } lf ? ReadLossFactors(lf) : null,
        });
    }

    private static StaticDiscount ReadStaticDiscount(JsonCursor d)
    {
        d.Only("longBase", "shortBase", "longRateMult", "shortRateMult", "longRateAdd", "shortRateAdd");
        return d.Build(() => new StaticDiscount(d.Required("longBase").Double(), d.Required("shortBase").Double(), d.Required("longRateMult").Double(),
            d.Required("shortRateMult").Double(), d.Required("longRateAdd").Double(), d.Required("shortRateAdd").Double()));
    }

    private static SkewShock ReadSkew(JsonCursor k)
    {
        k.Only("linearBaseCap", "absoluteBaseCap", "linearCBase", "absoluteCBase", "minKStar", "widthScale", "volParamStatic", "volParamScale", "sign");
        return k.Build(() => new SkewShock(k.Required("linearBaseCap").Double(), k.Required("absoluteBaseCap").Double(), k.Required("linearCBase").Double(),
            k.Required("absoluteCBase").Double(), k.Required("minKStar").Double(), k.Required("widthScale").Double(), k.Required("volParamStatic").Double(),
            k.Required("volParamScale").Double())
        {
            Sign = k.Optional("sign")?.Enum<SkewSign>() ?? SkewSign.LossOnly,
        });
    }

    private static LossFactors ReadLossFactors(JsonCursor lf)
    {
        lf.Only("maintenance", "initial", "depeg");
        StablecoinDepegFactor? depeg = null;
        if (lf.Optional("depeg") is { } d)
        {
            d.Only("stablecoin", "threshold", "factor");
            depeg = new StablecoinDepegFactor(d.Required("stablecoin").String(), d.Required("threshold").Double(), d.Required("factor").Double());
        }

        return lf.Build(() => new LossFactors(lf.Required("maintenance").Double(), lf.Required("initial").Double()) { Depeg = depeg });
    }

    private static RiskUnitParameters ReadUnit(JsonCursor u)
    {
        u.Only("priceRange", "buckets", "priceMoves", "volStates", "volLevels", "volShock", "extendedMoves", "extendedDampener", "extremeMoves",
            "pnlOffset", "pnlOffsetCap", "zeroExtendedGains", "currency", "includeCollateral", "addOns", "skew", "staticDiscount");
        var range = u.Required("priceRange").Double();
        IReadOnlyList<double> moves;
        if (u.Optional("priceMoves") is { } list)
        {
            if (u.Optional("buckets") is not null)
                throw u.Fail("give either buckets or priceMoves, not both");
            moves = [.. list.Items().Select(m => m.Double())];
        }
        else
        {
            var buckets = u.Required("buckets");
            moves = buckets.Build(() => PriceGrid.Symmetric(range, buckets.Int()));
        }

        var shock = u.Required("volShock").Only("upRange", "downRange", "shortTermPower", "longTermPower", "termThresholdDays", "minVolatilityForShockUp",
            "dteFloorDays", "floorAfterShockUp");
        var volShock = shock.Build(() => new VolShock(
            shock.Required("upRange").Double(),
            shock.Required("downRange").Double(),
            shock.Optional("shortTermPower")?.Double() ?? 0.3,
            shock.Optional("longTermPower")?.Double() ?? 0.13,
            shock.Optional("termThresholdDays")?.Double() ?? 30,
            shock.Optional("minVolatilityForShockUp")?.Double() ?? 0)
        {
            DteFloorDays = shock.Optional("dteFloorDays")?.Double() ?? 1,
            FloorAfterShockUp = shock.Optional("floorAfterShockUp")?.Bool() ?? false,
        });
        if (u.Optional("volStates") is not null && u.Optional("volLevels") is not null)
            throw u.Fail("give either volStates or volLevels, not both");
        var volStates = u.Optional("volStates")?.Items().Select(v => v.Enum<VolState>()).ToList() ?? [VolState.Up, VolState.Same, VolState.Down];
        var volLevels = u.Optional("volLevels")?.Items().Select(v => v.Double()).ToList();
        var extended = u.Optional("extendedMoves")?.Items().Select(e =>
        {
            e.Only("move", "weight");
            return new ExtendedMove(e.Required("move").Double(), e.Optional("weight")?.Double());
        }).ToList();
        var extreme = u.Optional("extremeMoves")?.Items().Select(e =>
        {
            e.Only("move", "fraction", "vol");
            return new ExtremeMove(e.Required("move").Double(), e.Required("fraction").Double(), e.Optional("vol")?.Enum<VolState>() ?? VolState.Same);
        }).ToList();
        var addOns = u.Optional("addOns") is { } a ? ReadAddOns(a) : null;
        return u.Build(() => new RiskUnitParameters(moves, range, volStates, volShock, extended,
            u.Optional("extendedDampener")?.Double() ?? 0, extreme,
            u.Optional("pnlOffset")?.Double() ?? 0, u.Optional("pnlOffsetCap")?.Double(),
            u.Optional("currency")?.Enum<UnitCurrency>() ?? UnitCurrency.Usd,
            u.Optional("includeCollateral")?.Bool() ?? false,
            addOns,
            volLevels)
        {
            ZeroExtendedGains = u.Optional("zeroExtendedGains")?.Bool() ?? false,
            Skew = u.Optional("skew") is { } skew ? ReadSkew(skew) : null,
            StaticDiscount = u.Optional("staticDiscount") is { } sd ? ReadStaticDiscount(sd) : null,
        });
    }

    private static AddOnParameters ReadAddOns(JsonCursor a)
    {
        a.Only("rollShock", "deltaShock", "shortOptionContingency", "futuresContingency", "minimumDeltaCharge", "shortOptionMinimum",
            "thetaDecayDays", "basis", "minimumCharge", "stablecoinDepeg", "shortOptionNetting", "futuresContingencyBasis", "grossOptionContingency", "weights", "contingencyPrice", "basisContingency", "oracleContingency");
        RollShockParameters? roll = null;
        if (a.Optional("rollShock") is { } r)
        {
            r.Only("annualisedMoveRisk", "minAnnualisedMove");
            roll = new RollShockParameters(r.Required("annualisedMoveRisk").Double(), r.Required("minAnnualisedMove").Double());
        }

        DeltaShockParameters? delta = null;
        if (a.Optional("deltaShock") is { } d)
        {
            d.Only("thresholdUsd", "rate", "maxFraction");
            delta = new DeltaShockParameters(d.Required("thresholdUsd").Double(), d.Required("rate").Double(), d.Required("maxFraction").Double());
        }

        MinimumDeltaChargeParameters? minimum = null;
        if (a.Optional("minimumDeltaCharge") is { } m)
        {
            m.Only("netRate", "hedgedRate");
            minimum = new MinimumDeltaChargeParameters(m.Required("netRate").Double(), m.Required("hedgedRate").Double());
        }

        MinimumChargeParameters? charge = null;
        if (a.Optional("minimumCharge") is { } c)
        {
            c.Only("rate", "tiers");
            charge = new MinimumChargeParameters(c.Required("rate").Double(), [.. c.Required("tiers").Items().Select(t =>
            {
                t.Only("floorUsd", "multiplier");
                return new SizeTier(t.Required("floorUsd").Double(), t.Required("multiplier").Double());
            })]);
        }

        var depeg = a.Optional("stablecoinDepeg")?.Items().Select(t =>
        {
            t.Only("floorUsd", "rate");
            return new DepegTier(t.Required("floorUsd").Double(), t.Required("rate").Double());
        }).ToList();
        var netting = a.Optional("shortOptionNetting")?.Enum<ShortOptionNetting>() ?? ShortOptionNetting.PerSeries;
        var futuresBasis = a.Optional("futuresContingencyBasis")?.Enum<FuturesContingencyBasis>() ?? FuturesContingencyBasis.Gross;
        Dictionary<Results.AddOnKind, AddOnWeights>? weights = null;
        if (a.Optional("weights") is { } w)
        {
            weights = [];
            foreach (var (name, weight) in w.Properties())
            {
                weight.Only("maintenance", "initial");
                var kind = System.Enum.TryParse<Results.AddOnKind>(name, ignoreCase: true, out var k) && System.Enum.IsDefined(k) && !char.IsDigit(name[0])
                    ? k
                    : throw weight.Fail($"names no add-on (known: {string.Join(", ", System.Enum.GetNames<Results.AddOnKind>().Select(Camel))})");
                weights[kind] = new AddOnWeights(weight.Required("maintenance").Double(), weight.Required("initial").Double());
            }
        }

        BasisContingencyParameters? basisContingency = null;
        if (a.Optional("basisContingency") is { } bc)
        {
            bc.Only("spotUp", "spotDown", "addFactor", "multFactor");
            basisContingency = new BasisContingencyParameters(bc.Required("spotUp").Double(), bc.Required("spotDown").Double(),
                bc.Required("addFactor").Double(), bc.Required("multFactor").Double());
        }

        OracleContingencyParameters? oracle = null;
        if (a.Optional("oracleContingency") is { } oc)
        {
            oc.Only("threshold", "margin");
            oracle = new OracleContingencyParameters(oc.Required("threshold").Double(), oc.Required("margin").Double());
        }

        var price = a.Optional("contingencyPrice")?.Enum<ContingencyPrice>() ?? ContingencyPrice.Spot;
        return a.Build(() => new AddOnParameters(roll, delta, a.Optional("shortOptionContingency")?.Double(), a.Optional("futuresContingency")?.Double(),
            minimum, a.Optional("shortOptionMinimum")?.Double(), a.Optional("thetaDecayDays")?.Double(), a.Optional("basis")?.Double(), charge, depeg,
            netting, futuresBasis, a.Optional("grossOptionContingency")?.Double(), weights, price, basisContingency, oracle)
            .Validated("addOns"));
    }

    private static CrossUnitAggregation ReadAggregation(JsonCursor a)
    {
        var kind = a.Required("kind").String();
        switch (kind)
        {
            case "none":
                a.Only("kind");
                return new CrossUnitAggregation.NoOffset();
            case "pairCredit":
                a.Only("kind", "pairs");
                return new CrossUnitAggregation.PairCredit(Pairs(a));
            case "scanningSpreads":
                a.Only("kind", "pairs");
                return new CrossUnitAggregation.ScanningSpreads(Pairs(a));
            case "spreadCredits":
                a.Only("kind", "spreads");
                return new CrossUnitAggregation.SpreadCredits([.. a.Required("spreads").Items().Select(sp =>
                {
                    sp.Only("creditRate", "legs");
                    var rate = sp.Required("creditRate").Double();
                    if (!(rate >= 0 && rate <= 1))
                        throw sp.Required("creditRate").Fail($"must be in [0, 1] but was {rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                    var legs = sp.Required("legs").Items().Select(l =>
                    {
                        l.Only("underlying", "deltaPerSpread");
                        var delta = l.Required("deltaPerSpread").Double();
                        return delta != 0 && double.IsFinite(delta)
                            ? new SpreadLeg(l.Required("underlying").String(), delta)
                            : throw l.Required("deltaPerSpread").Fail("must be finite and not zero");
                    }).ToImmutableArray();
                    return legs.Length >= 2 ? new InterCommoditySpread(rate, legs) : throw sp.Required("legs").Fail("a spread needs at least two legs");
                })]);
            case "correlation":
                a.Only("kind", "underlyings", "matrix");
                var ids = a.Required("underlyings").Items().Select(i => i.String()).ToImmutableArray();
                var matrix = a.Required("matrix").Items().Select(row => row.Items().Select(c => c.Double()).ToImmutableArray()).ToImmutableArray();
                return a.Build(() => new CrossUnitAggregation.Correlation(ids, matrix));
            default:
                throw a.Required("kind").Fail($"must be one of none, pairCredit, spreadCredits, scanningSpreads, correlation but was '{kind}'");
        }
    }

    private static ImmutableArray<UnitPairCredit> Pairs(JsonCursor a) =>
    [
        .. a.Required("pairs").Items().Select(p =>
        {
            p.Only("first", "second", "rate");
            return new UnitPairCredit(p.Required("first").String(), p.Required("second").String(), p.Required("rate").Double());
        }),
    ];

    public static void Write(Utf8JsonWriter w, PortfolioParameters p)
    {
        w.WriteStartObject("portfolio");
        w.WriteString("family", Camel(p.Family.ToString()));
        w.WriteNumber("maintenanceFactor", p.MaintenanceFactor);
        if (p.InitialFactor is { } f)
            w.WriteNumber("initialFactor", f);
        if (p.LossFactors is { } lf)
        {
            w.WriteStartObject("lossFactors");
            w.WriteNumber("maintenance", lf.Maintenance);
            w.WriteNumber("initial", lf.Initial);
            if (lf.Depeg is { } depeg)
            {
                w.WriteStartObject("depeg");
                w.WriteString("stablecoin", depeg.Stablecoin);
                w.WriteNumber("threshold", depeg.Threshold);
                w.WriteNumber("factor", depeg.Factor);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("aggregation");
        switch (p.Aggregation)
        {
            case CrossUnitAggregation.PairCredit credit:
                w.WriteString("kind", "pairCredit");
                WritePairs(w, credit.Pairs);
                break;
            case CrossUnitAggregation.ScanningSpreads scanning:
                w.WriteString("kind", "scanningSpreads");
                WritePairs(w, scanning.Pairs);
                break;
            case CrossUnitAggregation.SpreadCredits spreads:
                w.WriteString("kind", "spreadCredits");
                w.WriteStartArray("spreads");
                foreach (var spread in spreads.Spreads)
                {
                    w.WriteStartObject();
                    w.WriteNumber("creditRate", spread.CreditRate);
                    w.WriteStartArray("legs");
                    foreach (var leg in spread.Legs)
                    {
                        w.WriteStartObject();
                        w.WriteString("underlying", leg.Underlying);
                        w.WriteNumber("deltaPerSpread", leg.DeltaPerSpread);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case CrossUnitAggregation.Correlation c:
                w.WriteString("kind", "correlation");
                w.WriteStartArray("underlyings");
                foreach (var id in c.Underlyings)
                    w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteStartArray("matrix");
                foreach (var row in c.Matrix)
                {
                    w.WriteStartArray();
                    foreach (var v in row)
                        w.WriteNumberValue(v);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteString("kind", "none");
                break;
        }

        w.WriteEndObject();
        w.WriteStartObject("units");
        foreach (var (id, unit) in p.Units.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(id);
            WriteUnit(w, unit);
        }

        w.WriteEndObject();
        if (p.DefaultUnit is { } d)
        {
            w.WritePropertyName("default");
            WriteUnit(w, d);
        }

        w.WriteEndObject();
    }

    private static void WriteUnit(Utf8JsonWriter w, RiskUnitParameters u)
    {
        w.WriteStartObject();
        w.WriteNumber("priceRange", u.PriceRange);
        w.WriteStartArray("priceMoves");
        foreach (var move in u.PriceMoves)
            w.WriteNumberValue(move);
        w.WriteEndArray();
        w.WriteStartArray("volLevels");
        foreach (var level in u.VolLevels)
            w.WriteNumberValue(level);
        w.WriteEndArray();
        w.WriteStartObject("volShock");
        w.WriteNumber("upRange", u.VolShock.UpRange);
        w.WriteNumber("downRange", u.VolShock.DownRange);
        w.WriteNumber("shortTermPower", u.VolShock.ShortTermPower);
        w.WriteNumber("longTermPower", u.VolShock.LongTermPower);
        w.WriteNumber("termThresholdDays", u.VolShock.TermThresholdDays);
        w.WriteNumber("minVolatilityForShockUp", u.VolShock.MinVolatilityForShockUp);
        w.WriteNumber("dteFloorDays", u.VolShock.DteFloorDays);
        w.WriteBoolean("floorAfterShockUp", u.VolShock.FloorAfterShockUp);
        w.WriteEndObject();
        w.WriteStartArray("extendedMoves");
        foreach (var e in u.ExtendedMoves)
        {
            w.WriteStartObject();
            w.WriteNumber("move", e.Move);
            if (e.Weight is { } weight)
                w.WriteNumber("weight", weight);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("extendedDampener", u.ExtendedDampener);
        w.WriteStartArray("extremeMoves");
        foreach (var e in u.ExtremeMoves)
        {
            w.WriteStartObject();
            w.WriteNumber("move", e.Move);
            w.WriteNumber("fraction", e.Fraction);
            w.WriteString("vol", Camel(e.Vol.ToString()));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("pnlOffset", u.PnlOffset);
        if (u.PnlOffsetCap is { } cap)
            w.WriteNumber("pnlOffsetCap", cap);
        w.WriteString("currency", Camel(u.Currency.ToString()));
        w.WriteBoolean("includeCollateral", u.IncludeCollateral);
        w.WriteBoolean("zeroExtendedGains", u.ZeroExtendedGains);
        if (u.StaticDiscount is { } discount)
        {
            w.WriteStartObject("staticDiscount");
            w.WriteNumber("longBase", discount.LongBase);
            w.WriteNumber("shortBase", discount.ShortBase);
            w.WriteNumber("longRateMult", discount.LongRateMult);
            w.WriteNumber("shortRateMult", discount.ShortRateMult);
            w.WriteNumber("longRateAdd", discount.LongRateAdd);
            w.WriteNumber("shortRateAdd", discount.ShortRateAdd);
            w.WriteEndObject();
        }

        if (u.Skew is { } skew)
        {
            w.WriteStartObject("skew");
            w.WriteNumber("linearBaseCap", skew.LinearBaseCap);
            w.WriteNumber("absoluteBaseCap", skew.AbsoluteBaseCap);
            w.WriteNumber("linearCBase", skew.LinearCBase);
            w.WriteNumber("absoluteCBase", skew.AbsoluteCBase);
            w.WriteNumber("minKStar", skew.MinKStar);
            w.WriteNumber("widthScale", skew.WidthScale);
            w.WriteNumber("volParamStatic", skew.VolParamStatic);
            w.WriteNumber("volParamScale", skew.VolParamScale);
            w.WriteString("sign", Camel(skew.Sign.ToString()));
            w.WriteEndObject();
        }

        var a = u.AddOns;
        w.WriteStartObject("addOns");
        if (a.RollShock is { } r)
        {
            w.WriteStartObject("rollShock");
            w.WriteNumber("annualisedMoveRisk", r.AnnualisedMoveRisk);
            w.WriteNumber("minAnnualisedMove", r.MinAnnualisedMove);
            w.WriteEndObject();
        }

        if (a.DeltaShock is { } d)
        {
            w.WriteStartObject("deltaShock");
            w.WriteNumber("thresholdUsd", d.ThresholdUsd);
            w.WriteNumber("rate", d.Rate);
            w.WriteNumber("maxFraction", d.MaxFraction);
            w.WriteEndObject();
        }

        if (a.ShortOptionContingency is { } soc)
            w.WriteNumber("shortOptionContingency", soc);
        if (a.FuturesContingency is { } fc)
            w.WriteNumber("futuresContingency", fc);
        if (a.GrossOptionContingency is { } goc)
            w.WriteNumber("grossOptionContingency", goc);
        w.WriteString("shortOptionNetting", Camel(a.ShortOptionNetting.ToString()));
        w.WriteString("contingencyPrice", Camel(a.ContingencyPrice.ToString()));
        if (a.OracleContingency is { } oracleContingency)
        {
            w.WriteStartObject("oracleContingency");
            w.WriteNumber("threshold", oracleContingency.Threshold);
            w.WriteNumber("margin", oracleContingency.Margin);
            w.WriteEndObject();
        }

        if (a.BasisContingency is { } forwardBasis)
        {
            w.WriteStartObject("basisContingency");
            w.WriteNumber("spotUp", forwardBasis.SpotUp);
            w.WriteNumber("spotDown", forwardBasis.SpotDown);
            w.WriteNumber("addFactor", forwardBasis.AddFactor);
            w.WriteNumber("multFactor", forwardBasis.MultFactor);
            w.WriteEndObject();
        }

        if (a.Weights is { Count: > 0 } weights)
        {
            w.WriteStartObject("weights");
            foreach (var (kind, weight) in weights.OrderBy(x => x.Key))
            {
                w.WriteStartObject(Camel(kind.ToString()));
                w.WriteNumber("maintenance", weight.Maintenance);
                w.WriteNumber("initial", weight.Initial);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteString("futuresContingencyBasis", Camel(a.FuturesContingencyBasis.ToString()));
        if (a.MinimumDeltaCharge is { } m)
        {
            w.WriteStartObject("minimumDeltaCharge");
            w.WriteNumber("netRate", m.NetRate);
            w.WriteNumber("hedgedRate", m.HedgedRate);
            w.WriteEndObject();
        }

        if (a.ShortOptionMinimum is { } som)
            w.WriteNumber("shortOptionMinimum", som);
        if (a.ThetaDecayDays is { } days)
            w.WriteNumber("thetaDecayDays", days);
        if (a.Basis is { } basis)
            w.WriteNumber("basis", basis);
        if (a.MinimumCharge is { } charge)
        {
            w.WriteStartObject("minimumCharge");
            w.WriteNumber("rate", charge.Rate);
            w.WriteStartArray("tiers");
            foreach (var t in charge.Tiers)
            {
                w.WriteStartObject();
                w.WriteNumber("floorUsd", t.FloorUsd);
                w.WriteNumber("multiplier", t.Multiplier);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (a.StablecoinDepeg is { } depeg)
        {
            w.WriteStartArray("stablecoinDepeg");
            foreach (var t in depeg)
            {
                w.WriteStartObject();
                w.WriteNumber("floorUsd", t.FloorUsd);
                w.WriteNumber("rate", t.Rate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePairs(Utf8JsonWriter w, ImmutableArray<UnitPairCredit> pairs)
    {
        w.WriteStartArray("pairs");
        foreach (var pair in pairs)
        {
            w.WriteStartObject();
            w.WriteString("first", pair.First);
            w.WriteString("second", pair.Second);
            w.WriteNumber("rate", pair.Rate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
