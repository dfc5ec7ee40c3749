using System.Text.Json;
using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Profiles;

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
        profile.Only("name", "source", "asOf", "notes", "brackets", "haircuts", "borrow", "options", "fees", "openOrders", "portfolio", "unified");
        var name = profile.Required("name").String();

        var brackets = new Dictionary<string, BracketSchedule>(StringComparer.Ordinal);
        foreach (var (instrumentId, tiers) in profile.Required("brackets").Properties())
        {
            var list = tiers.Items().Select(ReadTier).ToList();
            brackets[instrumentId] = tiers.Build(() => BracketSchedule.Create(list, $"brackets[{instrumentId}]"));
        }

        var haircuts = new Dictionary<string, HaircutSchedule>(StringComparer.Ordinal);
        foreach (var (assetId, schedule) in profile.Required("haircuts").Properties())
            haircuts[assetId] = ReadHaircut(schedule, assetId);

        var borrowJson = profile.Required("borrow").Only("initialMarginRate", "maintenanceMarginRate");
        var borrow = borrowJson.Build(() => new BorrowRates(borrowJson.Required("initialMarginRate").Decimal(), borrowJson.Required("maintenanceMarginRate").Decimal()));

        var options = OptionMarginRates.Bybit;
        if (profile.Optional("options") is { } o)
        {
            o.Only("maintenanceRate", "feeRate", "initialRate", "initialFloorRate");
            options = o.Build(() => new OptionMarginRates(o.Required("maintenanceRate").Decimal(), o.Required("feeRate").Decimal(),
                o.Required("initialRate").Decimal(), o.Required("initialFloorRate").Decimal()));
        }

        var fees = FeePolicy.None;
        if (profile.Optional("fees") is { } f)
        {
            f.Only("takerRate", "chargeOpeningFees", "chargeClosingFees");
            fees = f.Build(() => new FeePolicy(f.Required("takerRate").Decimal(), f.Required("chargeOpeningFees").Bool(), f.Required("chargeClosingFees").Bool()));
        }

        var orders = OpenOrderPolicy.ReserveInitialOnly;
        if (profile.Optional("openOrders") is { } oo)
            orders = new OpenOrderPolicy(oo.Only("maintenanceAsIfFilled").Required("maintenanceAsIfFilled").Bool());

        var portfolio = profile.Optional("portfolio") is { } p ? PortfolioJson.Read(p) : null;
        Portfolio.UnifiedMarginParameters? unified = null;
        if (profile.Optional("unified") is { } u)
        {
            u.Only("ladder");
            var ladder = u.Required("ladder").Items().Select(l =>
            {
                l.Only("status", "above");
                return new Portfolio.StatusLevel(l.Required("status").String(), l.Required("above").Decimal());
            }).ToList();
            unified = u.Build(() => new Portfolio.UnifiedMarginParameters(ladder));
        }

        return profile.Build(() => new RiskProfile(name, brackets, haircuts, borrow, options, fees, orders, portfolio, unified));
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
        writer.WriteStartObject("brackets");
        foreach (var (id, schedule) in profile.Brackets.OrderBy(b => b.Key, StringComparer.Ordinal))
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
        foreach (var (id, schedule) in profile.Haircuts.OrderBy(h => h.Key, StringComparer.Ordinal))
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
        writer.WriteStartObject("borrow");
        writer.WriteNumber("initialMarginRate", profile.Borrow.InitialMarginRate);
        writer.WriteNumber("maintenanceMarginRate", profile.Borrow.MaintenanceMarginRate);
        writer.WriteEndObject();
        writer.WriteStartObject("options");
        writer.WriteNumber("maintenanceRate", profile.Options.MaintenanceRate);
        writer.WriteNumber("feeRate", profile.Options.FeeRate);
        writer.WriteNumber("initialRate", profile.Options.InitialRate);
        writer.WriteNumber("initialFloorRate", profile.Options.InitialFloorRate);
        writer.WriteEndObject();
        writer.WriteStartObject("fees");
        writer.WriteNumber("takerRate", profile.Fees.TakerRate);
        writer.WriteBoolean("chargeOpeningFees", profile.Fees.ChargeOpeningFees);
        writer.WriteBoolean("chargeClosingFees", profile.Fees.ChargeClosingFees);
        writer.WriteEndObject();
        writer.WriteStartObject("openOrders");
        writer.WriteBoolean("maintenanceAsIfFilled", profile.OpenOrders.MaintenanceAsIfFilled);
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
}
