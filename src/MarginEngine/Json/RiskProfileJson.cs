using System.Text.Json;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Json;

/// <summary>Reads and writes risk profiles in the format of docs/input-format.md §Profile.</summary>
public static class RiskProfileJson
{
    /// <summary>Reads a profile from JSON text.</summary>
    /// <param name="json">The profile object.</param>
    /// <param name="source">File name or label used in error messages.</param>
    /// <exception cref="Errors.ConfigurationException">Malformed JSON or an invalid field, named by JSON path.</exception>
    public static RiskProfile Read(string json, string source = "profile")
    {
        using var document = JsonText.Parse(json, source);
        return Read(new JsonCursor(document.RootElement, "$", source));
    }

    internal static RiskProfile Read(JsonCursor profile)
    {
        profile.Only("name", "source", "asOf", "notes", "userSupplied", "tables", "methods", "brackets", "sizeScaled", "haircuts",
            "borrow", "options", "fees", "openOrders", "isolatedLiquidation", "haircutApplication", "portfolio", "unified");
        var name = profile.Required("name").String();
        var rules = ReadRules(profile, requireBracketsAndHaircuts: true);

        var borrowJson = profile.Required("borrow").Only("initialMarginRate", "maintenanceMarginRate", "basis");
        var borrowBasis = borrowJson.Optional("basis")?.Enum<BorrowBasis>() ?? BorrowBasis.NegativeBalance;
        var borrow = borrowJson.Build(() => new BorrowRates(borrowJson.Required("initialMarginRate").Decimal(), borrowJson.Required("maintenanceMarginRate").Decimal(), borrowBasis));

        var fees = FeePolicy.None;
        if (profile.Optional("fees") is { } f)
        {
            f.Only("takerRate", "chargeOpeningFees", "chargeClosingFees");
            fees = f.Build(() => new FeePolicy(f.Required("takerRate").Decimal(), f.Required("chargeOpeningFees").Bool(), f.Required("chargeClosingFees").Bool()));
        }

        var orders = OpenOrderPolicy.ReserveInitialOnly;
        if (profile.Optional("openOrders") is { } oo)
            orders = new OpenOrderPolicy(oo.Only("maintenanceAsIfFilled", "closingFeeAsIfFilled").Required("maintenanceAsIfFilled").Bool(),
                oo.Optional("closingFeeAsIfFilled")?.Bool() ?? false);

        var portfolio = profile.Optional("portfolio") is { } p ? PortfolioJson.Read(p) : null;
        UnifiedMarginParameters? unified = null;
        if (profile.Optional("unified") is { } u)
        {
            u.Only("ladder");
            var ladder = u.Required("ladder").Items().Select(l =>
            {
                l.Only("status", "above");
                return new StatusLevel(l.Required("status").String(), l.Required("above").Decimal());
            }).ToList();
            unified = u.Build(() => new UnifiedMarginParameters(ladder));
        }

        var methods = profile.Optional("methods")?.Items().Select(m => m.Enum<MarginMethod>()).ToList();
        var provenance = ReadProvenance(profile, rules, portfolio, unified is not null, profile.Optional("fees") is not null);
        var liquidation = profile.Optional("isolatedLiquidation")?.Enum<LiquidationPriceRule>() ?? LiquidationPriceRule.MaintenanceAtLiquidationPrice;
        var methodsJson = profile.Optional("methods") ?? profile;
        return methodsJson.Build(() => new RiskProfile(name, rules.Brackets, rules.Haircuts, borrow, rules.Options, fees, orders, portfolio, unified,
            rules.SizeScaled, methods, provenance)
        {
            IsolatedLiquidation = liquidation,
            Haircut = profile.Optional("haircutApplication")?.Enum<HaircutApplication>() ?? HaircutApplication.CollateralValue,
        });
    }

    /// <summary>Reads the figures a user supplies for a profile's gaps (docs/input-format.md §Supplied).</summary>
    internal static ProfileSupplement ReadSupplement(JsonCursor supplied, string label)
    {
        supplied.Only("brackets", "sizeScaled", "haircuts", "options");
        var rules = ReadRules(supplied, requireBracketsAndHaircuts: false);
        return supplied.Build(() => new ProfileSupplement(label, rules.Brackets, rules.SizeScaled, rules.Haircuts, rules.Options));
    }

    private sealed record Rules(
        Dictionary<string, BracketSchedule> Brackets,
        Dictionary<string, SizeScaledMargin> SizeScaled,
        Dictionary<string, HaircutSchedule> Haircuts,
        OptionMarginRates? Options);

    private static Rules ReadRules(JsonCursor json, bool requireBracketsAndHaircuts)
    {
        var brackets = new Dictionary<string, BracketSchedule>(StringComparer.Ordinal);
        var bracketsJson = requireBracketsAndHaircuts ? json.Required("brackets") : json.Optional("brackets");
        foreach (var (key, tiers) in bracketsJson?.Properties() ?? [])
        {
            var list = tiers.Items().Select(ReadTier).ToList();
            brackets[key] = tiers.Build(() => BracketSchedule.Create(list, $"brackets[{key}]"));
        }

        var sizeScaled = new Dictionary<string, SizeScaledMargin>(StringComparer.Ordinal);
        foreach (var (key, rule) in json.Optional("sizeScaled")?.Properties() ?? [])
        {
            rule.Only("initialRate", "maintenanceRate", "ratePerCoin");
            sizeScaled[key] = rule.Build(() => new SizeScaledMargin(rule.Required("initialRate").Decimal(), rule.Required("maintenanceRate").Decimal(),
                rule.Required("ratePerCoin").Decimal()));
            if (brackets.ContainsKey(key))
                throw rule.Fail($"'{key}' has brackets too; give one rule per key");
        }

        var haircuts = new Dictionary<string, HaircutSchedule>(StringComparer.Ordinal);
        var haircutsJson = requireBracketsAndHaircuts ? json.Required("haircuts") : json.Optional("haircuts");
        foreach (var (assetId, schedule) in haircutsJson?.Properties() ?? [])
            haircuts[assetId] = ReadHaircut(schedule, assetId);

        OptionMarginRates? options = null;
        if (json.Optional("options") is { } o)
        {
            o.Only("maintenanceRate", "feeRate", "initialRate", "initialFloorRate", "premiumBasis");
            var basis = o.Optional("premiumBasis")?.Enum<OptionPremiumBasis>() ?? OptionPremiumBasis.HigherOfEntryAndMark;
            options = o.Build(() => new OptionMarginRates(o.Required("maintenanceRate").Decimal(), o.Required("feeRate").Decimal(),
                o.Required("initialRate").Decimal(), o.Required("initialFloorRate").Decimal(), basis));
        }

        return new Rules(brackets, sizeScaled, haircuts, options);
    }

    private static ProfileProvenance ReadProvenance(JsonCursor profile, Rules rules, PortfolioParameters? portfolio, bool hasUnified,
        bool hasFees)
    {
        var tables = new Dictionary<string, TableSource>(StringComparer.Ordinal);
        foreach (var (key, table) in profile.Optional("tables")?.Properties() ?? [])
        {
            table.Only("provenance", "asOf", "source");
            var known = key.Split(':', 2) switch
            {
                ["brackets", var k] => rules.Brackets.ContainsKey(k),
                ["sizeScaled", var k] => rules.SizeScaled.ContainsKey(k),
                ["haircuts", var k] => rules.Haircuts.ContainsKey(k),
                ["options"] => rules.Options is not null,
                ["portfolio"] => portfolio is not null,
                ["portfolio", var unit] => portfolio?.Units.ContainsKey(unit) == true,
                ["unified"] => hasUnified,
                ["fees"] => hasFees,
                ["borrow"] => true,
                _ => false,
            };
            if (!known)
                throw table.Fail($"names no table of this profile (keys: brackets:KEY, sizeScaled:KEY, haircuts:ASSET, options, portfolio[:UNIT], unified, borrow, fees)");
            tables[key] = new TableSource(table.Required("provenance").String(), table.Required("asOf").String(), table.Required("source").String());
        }

        var userSupplied = profile.Optional("userSupplied")?.Items().Select(i => i.String()).ToList();
        return new ProfileProvenance(profile.Optional("source")?.String(), profile.Optional("asOf")?.String(), profile.Optional("notes")?.String(),
            tables, userSupplied);
    }

    private static BracketTier ReadTier(JsonCursor tier)
    {
        tier.Only("notionalFloor", "notionalCap", "maxLeverage", "maintenanceMarginRate", "maintenanceAmount");
        return new BracketTier(
            tier.Required("notionalFloor").Decimal(),
            tier.Optional("notionalCap")?.Decimal(),
            tier.Required("maxLeverage").Decimal(),
            tier.Required("maintenanceMarginRate").Decimal(),
            tier.Optional("maintenanceAmount")?.Decimal());
    }

    private static HaircutSchedule ReadHaircut(JsonCursor schedule, string assetId)
    {
        schedule.Only("collateralRatio", "basis", "tiers");
        var field = $"haircuts[{assetId}]";
        if (schedule.Optional("collateralRatio") is { } flat)
        {
            if (schedule.Optional("tiers") is not null)
                throw schedule.Fail("give either collateralRatio (flat) or tiers, not both");
            return flat.Build(() => HaircutSchedule.Flat(flat.Decimal(), field));
        }

        var basis = schedule.Required("basis").Enum<HaircutBasis>();
        var tiers = schedule.Required("tiers").Items().Select(t =>
        {
            t.Only("floor", "cap", "collateralRatio");
            return new HaircutTier(t.Required("floor").Decimal(), t.Optional("cap")?.Decimal(), t.Required("collateralRatio").Decimal());
        }).ToList();
        return schedule.Required("tiers").Build(() => HaircutSchedule.Create(basis, tiers, field));
    }

    /// <summary>Writes <paramref name="profile"/> (cum written out) so that <see cref="Read(string, string)"/> reads it back equal.</summary>
    public static void Write(Utf8JsonWriter writer, RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(profile);
        writer.WriteStartObject();
        writer.WriteString("name", profile.Name);
        WriteProvenance(writer, profile);
        writer.WriteStartArray("methods");
        foreach (var method in profile.Methods)
            writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(method.ToString()));
        writer.WriteEndArray();
        WriteRules(writer, profile.Brackets, profile.SizeScaled, profile.Haircuts, profile.Options);
        writer.WriteStartObject("borrow");
        writer.WriteNumber("initialMarginRate", profile.Borrow.InitialMarginRate);
        writer.WriteNumber("maintenanceMarginRate", profile.Borrow.MaintenanceMarginRate);
        writer.WriteString("basis", JsonNamingPolicy.CamelCase.ConvertName(profile.Borrow.Basis.ToString()));
        writer.WriteEndObject();
        writer.WriteStartObject("fees");
        writer.WriteNumber("takerRate", profile.Fees.TakerRate);
        writer.WriteBoolean("chargeOpeningFees", profile.Fees.ChargeOpeningFees);
        writer.WriteBoolean("chargeClosingFees", profile.Fees.ChargeClosingFees);
        writer.WriteEndObject();
        writer.WriteString("haircutApplication", JsonNamingPolicy.CamelCase.ConvertName(profile.Haircut.ToString()));
        writer.WriteString("isolatedLiquidation", JsonNamingPolicy.CamelCase.ConvertName(profile.IsolatedLiquidation.ToString()));
        writer.WriteStartObject("openOrders");
        writer.WriteBoolean("maintenanceAsIfFilled", profile.OpenOrders.MaintenanceAsIfFilled);
        writer.WriteBoolean("closingFeeAsIfFilled", profile.OpenOrders.ClosingFeeAsIfFilled);
        writer.WriteEndObject();
        if (profile.Portfolio is { } portfolio)
            PortfolioJson.Write(writer, portfolio);
        if (profile.Unified is { } unified)
        {
            writer.WriteStartObject("unified");
            writer.WriteStartArray("ladder");
            foreach (var level in unified.Ladder)
            {
                writer.WriteStartObject();
                writer.WriteString("status", level.Name);
                writer.WriteNumber("above", level.Threshold);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the figures a user supplies, in the shape <see cref="ReadSupplement"/> reads.</summary>
    internal static void WriteSupplement(Utf8JsonWriter writer, ProfileSupplement supplement)
    {
        writer.WriteStartObject();
        WriteRules(writer, supplement.Brackets, supplement.SizeScaled, supplement.Haircuts, supplement.Options);
        writer.WriteEndObject();
    }

    private static void WriteRules(Utf8JsonWriter writer, IReadOnlyDictionary<string, BracketSchedule> brackets,
        IReadOnlyDictionary<string, SizeScaledMargin> sizeScaled, IReadOnlyDictionary<string, HaircutSchedule> haircuts, OptionMarginRates? optionRates)
    {
        writer.WriteStartObject("brackets");
        foreach (var (id, schedule) in brackets.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            writer.WriteStartArray(id);
            foreach (var b in schedule.Brackets)
            {
                writer.WriteStartObject();
                writer.WriteNumber("notionalFloor", b.NotionalFloor);
                if (b.NotionalCap != decimal.MaxValue)
                    writer.WriteNumber("notionalCap", b.NotionalCap);
                writer.WriteNumber("maxLeverage", b.MaxLeverage);
                writer.WriteNumber("maintenanceMarginRate", b.MaintenanceMarginRate);
                writer.WriteNumber("maintenanceAmount", b.MaintenanceAmount);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("haircuts");
        foreach (var (id, schedule) in haircuts.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(id);
            writer.WriteString("basis", schedule.Basis == HaircutBasis.Quantity ? "quantity" : "usdValue");
            writer.WriteStartArray("tiers");
            foreach (var t in schedule.Tiers)
            {
                writer.WriteStartObject();
                writer.WriteNumber("floor", t.Floor);
                if (t.Cap is { } cap)
                    writer.WriteNumber("cap", cap);
                writer.WriteNumber("collateralRatio", t.CollateralRatio);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (optionRates is { } options)
        {
            writer.WriteStartObject("options");
            writer.WriteNumber("maintenanceRate", options.MaintenanceRate);
            writer.WriteNumber("feeRate", options.FeeRate);
            writer.WriteNumber("initialRate", options.InitialRate);
            writer.WriteNumber("initialFloorRate", options.InitialFloorRate);
            writer.WriteString("premiumBasis", JsonNamingPolicy.CamelCase.ConvertName(options.PremiumBasis.ToString()));
            writer.WriteEndObject();
        }

        if (sizeScaled.Count > 0)
        {
            writer.WriteStartObject("sizeScaled");
            foreach (var (key, rule) in sizeScaled.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(key);
                writer.WriteNumber("initialRate", rule.InitialRate);
                writer.WriteNumber("maintenanceRate", rule.MaintenanceRate);
                writer.WriteNumber("ratePerCoin", rule.RatePerCoin);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }
    }

    private static void WriteProvenance(Utf8JsonWriter writer, RiskProfile profile)
    {
        var p = profile.Provenance;
        if (p.Source is { } source)
            writer.WriteString("source", source);
        if (p.AsOf is { } asOf)
            writer.WriteString("asOf", asOf);
        if (p.Notes is { } notes)
            writer.WriteString("notes", notes);
        if (!p.UserSupplied.IsEmpty)
        {
            writer.WriteStartArray("userSupplied");
            foreach (var item in p.UserSupplied)
                writer.WriteStringValue(item);
            writer.WriteEndArray();
        }

        if (p.Tables.Count == 0)
            return;
        writer.WriteStartObject("tables");
        foreach (var (key, table) in p.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(key);
            writer.WriteString("provenance", table.Provenance);
            writer.WriteString("asOf", table.AsOf);
            writer.WriteString("source", table.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
