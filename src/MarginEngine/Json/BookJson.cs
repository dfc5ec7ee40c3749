using System.Text;
using System.Text.Json;
using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using NodaTime.Text;

namespace MarginEngine.Json;

/// <summary>Reads and writes books (account + market + profile) in the format of docs/input-format.md.</summary>
public static class BookJson
{
    /// <summary>Reads a book from JSON text. The profile is inline or a preset name.</summary>
    /// <param name="json">The book object.</param>
    /// <param name="source">File name or label used in error messages.</param>
    /// <exception cref="Errors.ConfigurationException">Malformed JSON, a missing, unknown, duplicate or invalid field, named by JSON path.</exception>
    public static Book Read(string json, string source = "book")
    {
        var (accounts, market, profile, supplied) = ReadBooks(json, source, many: false);
        return new Book(accounts[0], market, profile, supplied);
    }

    /// <summary>
    /// Reads many accounts against one market and profile: a book whose <c>accounts</c> array replaces <c>account</c>
    /// (what ADL ranking and sweeps read).
    /// </summary>
    /// <exception cref="Errors.ConfigurationException">Malformed JSON, a missing, unknown, duplicate or invalid field, named by JSON path.</exception>
    public static IReadOnlyList<Book> ReadMany(string json, string source = "accounts")
    {
        var (accounts, market, profile, supplied) = ReadBooks(json, source, many: true);
        return [.. accounts.Select(a => new Book(a, market, profile, supplied))];
    }

    private static (List<Account> Accounts, MarketSnapshot Market, Profiles.RiskProfile Profile, Profiles.ProfileSupplement? Supplied) ReadBooks(string json, string source, bool many)
    {
        using var document = JsonText.Parse(json, source);
        var root = new JsonCursor(document.RootElement, "$", source).Only("assets", "instruments", "market", many ? "accounts" : "account", "profile", "supplied");

        var (assets, instruments) = ReadInstruments(root);
        var market = ReadMarket(root.Required("market"), instruments);
        var accounts = many
            ? root.Required("accounts").Items().Select(a => ReadAccount(a, assets, instruments)).ToList()
            : [ReadAccount(root.Required("account"), assets, instruments)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (account, i) in accounts.Select((a, i) => (a, i)))
        {
            if (!seen.Add(account.Id))
                throw new Errors.ConfigurationException(source, $"$.accounts[{i}].id", $"account '{account.Id}' is given twice");
        }

        var profileJson = root.Required("profile");
        var profile = profileJson.IsString
            ? Preset(profileJson)
            : RiskProfileJson.Read(profileJson);
        var supplied = root.Optional("supplied") is { } s ? RiskProfileJson.ReadSupplement(s, "book") : null;
        return (accounts, market, profile.WithSupplement(supplied), supplied);
    }

    private static (Dictionary<string, Asset> Assets, Dictionary<string, Instrument> Instruments) ReadInstruments(JsonCursor root)
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var a in root.Required("assets").Items())
        {
            a.Only("id", "precision", "stablecoin");
            var id = a.Required("id").String();
            var asset = a.Build(() => new Asset(id, a.Optional("precision")?.Int() ?? 8, a.Optional("stablecoin")?.Bool() ?? false));
            if (!assets.TryAdd(id, asset))
                throw a.Required("id").Fail($"asset '{id}' is declared twice");
        }

        var instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        foreach (var i in root.Required("instruments").Items())
        {
            var instrument = ReadInstrument(i, assets);
            if (!instruments.TryAdd(instrument.Id, instrument))
                throw i.Required("id").Fail($"instrument '{instrument.Id}' is declared twice");
        }

        return (assets, instruments);
    }

    private static Profiles.RiskProfile Preset(JsonCursor name)
    {
        var preset = name.String();
        if (!RiskProfilePresets.Names.Contains(preset))
            throw name.Fail($"unknown preset '{preset}' (known: {string.Join(", ", RiskProfilePresets.Names)})");
        return RiskProfilePresets.Get(preset);
    }

    private static Instrument ReadInstrument(JsonCursor i, Dictionary<string, Asset> assets)
    {
        i.Only("id", "kind", "underlying", "settlementAsset", "settlement", "contractSize", "tickSize", "lotSize", "expiry", "right", "strike");
        var id = i.Required("id").String();
        var kind = i.Required("kind").String();
        var underlying = Lookup(i.Required("underlying"), assets, "asset");
        var settlementAsset = Lookup(i.Required("settlementAsset"), assets, "asset");
        var settlement = i.Optional("settlement")?.Enum<Settlement>() ?? Settlement.Linear;
        var size = i.Optional("contractSize")?.Decimal() ?? 1m;
        var tick = i.Optional("tickSize")?.Decimal();
        var lot = i.Optional("lotSize")?.Decimal();
        var instrument = kind switch
        {
            "spot" => i.Build(() => (Instrument)new Spot(id, underlying, settlementAsset)),
            "perpetual" => i.Build(() => (Instrument)new Perpetual(id, underlying, settlementAsset, settlement, size)),
            "future" => i.Build(() => (Instrument)new Future(id, underlying, settlementAsset, settlement, i.Required("expiry").Instant(), size)),
            "option" => i.Build(() => (Instrument)new EuropeanOption(id, underlying, settlementAsset, settlement,
                i.Required("right").Enum<OptionRight>(), i.Required("strike").Decimal(), i.Required("expiry").Instant(), size)),
            _ => throw i.Required("kind").Fail($"must be one of spot, perpetual, future, option but was '{kind}'"),
        };
        return tick is null && lot is null ? instrument : i.Build(() => instrument with { TickSize = tick, LotSize = lot });
    }

    private static MarketSnapshot ReadMarket(JsonCursor m, IReadOnlyDictionary<string, Instrument> instruments)
    {
        m.Only("valuationTime", "indexPrices", "markPrices", "impliedVolatilities", "volatilitySurfaces", "riskArrays", "forwards", "discountRates", "settlementPrices", "confidences", "forwardFixings");
        IEnumerable<KeyValuePair<string, double>> Values(JsonCursor? c) =>
            c is { } map ? map.Properties().Select(p => KeyValuePair.Create(p.Name, Checked(p.Value))).ToList() : [];
        var surfaces = (m.Optional("volatilitySurfaces")?.Properties() ?? []).Select(s =>
        {
            var (id, surface) = s;
            surface.Only("expiries", "moneyness", "volatilities");
            var expiries = surface.Required("expiries").Items().Select(e => e.Instant()).ToList();
            var moneyness = surface.Required("moneyness").Items().Select(x => x.Double()).ToList();
            var vols = surface.Required("volatilities").Items().Select(row => (IReadOnlyList<double>)row.Items().Select(v => v.Double()).ToList()).ToList();
            return surface.Build(() => new VolatilitySurface(id, expiries, moneyness, vols));
        }).ToList();
        var arrays = (m.Optional("riskArrays")?.Properties() ?? []).Select(a =>
        {
            var (id, array) = a;
            array.Only("losses", "compositeDelta");
            var losses = array.Required("losses").Items().Select(l => l.Double()).ToList();
            return KeyValuePair.Create(id, array.Build(() => new RiskArray(losses, array.Required("compositeDelta").Double())));
        }).ToList();
        var valuationTime = m.Required("valuationTime").Instant();
        var indexPrices = Values(m.Required("indexPrices")).ToDictionary(StringComparer.Ordinal);
        var forwards = Curves(m.Optional("forwards"), "forwards", allowForwards: true, valuationTime, indexPrices);
        var discountRates = Curves(m.Optional("discountRates"), "discountRates", allowForwards: false, valuationTime, indexPrices);
        var settlements = ByExpiry(m.Optional("settlementPrices"), Checked);
        var fixings = ByExpiry(m.Optional("forwardFixings"), f => f.Double());

        return m.Build(() => new MarketSnapshot(valuationTime, indexPrices,
            Marks(m.Required("markPrices"), instruments), Values(m.Optional("impliedVolatilities")), surfaces, arrays, forwards, discountRates, settlements,
            (m.Optional("confidences")?.Properties() ?? []).Select(c => KeyValuePair.Create(c.Name, c.Value.Double())).ToList(), fixings));
    }

    /// <summary>A <c>{underlying: {expiryInstant: number}}</c> map as (underlying, expiry, value) triples.</summary>
    private static List<(string, NodaTime.Instant, double)> ByExpiry(JsonCursor? map, Func<JsonCursor, double> read)
    {
        var result = new List<(string, NodaTime.Instant, double)>();
        foreach (var (underlying, byExpiry) in map?.Properties() ?? [])
        {
            foreach (var (expiry, value) in byExpiry.Properties())
            {
                var at = InstantPattern.ExtendedIso.Parse(expiry);
                if (!at.Success)
                    throw value.Fail($"'{expiry}' is not an ISO-8601 UTC instant");
                result.Add((underlying, at.Value, read(value)));
            }
        }

        return result;
    }

    /// <summary>
    /// Curves by underlying: <c>{"rate": r}</c>, <c>{"expiries": [...], "rates": [...]}</c>, or (forwards only)
    /// <c>{"expiries": [...], "forwards": [...]}</c>, turned into basis rates against the underlying's index.
    /// </summary>
    private static List<KeyValuePair<string, RateCurve>> Curves(JsonCursor? map, string field, bool allowForwards, NodaTime.Instant valuationTime,
        IReadOnlyDictionary<string, double> indexPrices)
    {
        var curves = new List<KeyValuePair<string, RateCurve>>();
        foreach (var (underlying, c) in map?.Properties() ?? [])
        {
            var at = $"{field}[{underlying}]";
            if (allowForwards)
                c.Only("rate", "expiries", "rates", "forwards");
            else
                c.Only("rate", "expiries", "rates");
            if (c.Optional("rate") is { } flat)
            {
                if (c.Optional("expiries") is not null)
                    throw c.Fail("give either rate or expiries with rates, not both");
                curves.Add(KeyValuePair.Create(underlying, flat.Build(() => RateCurve.Flat(flat.Double(), at))));
                continue;
            }

            var expiries = c.Required("expiries").Items().Select(e => e.Instant()).ToList();
            var valuesJson = allowForwards && c.Optional("forwards") is { } f
                ? (c.Optional("rates") is null ? f : throw c.Fail("give either forwards or rates, not both"))
                : c.Required("rates");
            var values = valuesJson.Items().Select(v => v.Double()).ToList();
            if (values.Count != expiries.Count)
                throw valuesJson.Fail($"has {values.Count} values for {expiries.Count} expiries");
            var pairs = expiries.Zip(values).ToList();
            var isForwards = valuesJson.Path.EndsWith(".forwards", StringComparison.Ordinal);
            if (isForwards && !indexPrices.ContainsKey(underlying))
                throw c.Fail($"forwards of '{underlying}' need its index price");
            curves.Add(KeyValuePair.Create(underlying, c.Build(() => isForwards
                ? RateCurve.FromForwards(pairs, indexPrices[underlying], valuationTime, at)
                : new RateCurve(pairs, at))));
        }

        return curves;
    }

    /// <summary>Mark prices: finite and positive, or 0 for an option (worthless seconds before expiry).</summary>
    private static List<KeyValuePair<string, double>> Marks(JsonCursor map, IReadOnlyDictionary<string, Instrument> instruments) =>
    [
        .. map.Properties().Select(p => KeyValuePair.Create(p.Name,
            instruments.GetValueOrDefault(p.Name) is EuropeanOption && p.Value.Double() == 0 ? 0.0 : Checked(p.Value))),
    ];

    private static double Checked(JsonCursor value)
    {
        var number = value.Double();
        return number > 0 && double.IsFinite(number) ? number : throw value.Fail($"must be finite and > 0 but was {value.Element.GetRawText()}");
    }

    private static Account ReadAccount(JsonCursor a, Dictionary<string, Asset> assets, Dictionary<string, Instrument> instruments)
    {
        a.Only("id", "mode", "balances", "positions", "orders", "reserves");
        var balances = a.Required("balances").Items().Select(b =>
        {
            b.Only("asset", "quantity");
            return new Balance(Lookup(b.Required("asset"), assets, "asset"), b.Required("quantity").Decimal());
        }).ToList();
        var positions = (a.Optional("positions")?.Items() ?? []).Select(p =>
        {
            p.Only("instrument", "quantity", "entryPrice", "isolatedMargin", "leverage");
            var instrument = Lookup(p.Required("instrument"), instruments, "instrument");
            return p.Build(() => new Position(instrument, p.Required("quantity").Decimal(), p.Required("entryPrice").Decimal(),
                p.Optional("isolatedMargin")?.Decimal(), p.Optional("leverage")?.Decimal()));
        }).ToList();
        var orders = (a.Optional("orders")?.Items() ?? []).Select(o =>
        {
            o.Only("id", "instrument", "side", "quantity", "limitPrice");
            var instrument = Lookup(o.Required("instrument"), instruments, "instrument");
            return o.Build(() => new OpenOrder(o.Required("id").String(), instrument, o.Required("side").Enum<OrderSide>(),
                o.Required("quantity").Decimal(), o.Required("limitPrice").Decimal()));
        }).ToList();
        var reserves = (a.Optional("reserves")?.Items() ?? []).Select(r =>
        {
            r.Only("name", "asset", "amount");
            var asset = Lookup(r.Required("asset"), assets, "asset");
            return r.Build(() => new MarginReserve(r.Required("name").String(), asset, r.Required("amount").Decimal()));
        }).ToList();
        return a.Build(() => new Account(a.Required("id").String(), a.Optional("mode")?.Enum<MarginMode>() ?? MarginMode.Cross, balances, positions, orders, reserves));
    }

    private static T Lookup<T>(JsonCursor id, Dictionary<string, T> known, string what)
    {
        var key = id.String();
        return known.TryGetValue(key, out var value) ? value : throw id.Fail($"unknown {what} '{key}'");
    }

    /// <summary>Writes <paramref name="book"/> in the input format; reading it back gives the same book.</summary>
    public static string Write(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return Write([book.Account], book.Market, book.Profile, book.Supplied, many: false, []);
    }

    /// <summary>Writes many accounts against one market and profile (an <c>accounts</c> array; <see cref="ReadMany"/> reads it).</summary>
    public static string WriteMany(IReadOnlyList<Account> accounts, MarketSnapshot market, Profiles.RiskProfile profile) =>
        Write(accounts, market, profile, null, many: true, []);

    /// <summary>
    /// Writes the market, the profile and <paramref name="instruments"/> (with their assets) without an account: a
    /// universe that accounts written with <see cref="WriteAccount(Account)"/> are read against (<see cref="ReadUniverse"/>).
    /// </summary>
    public static string WriteUniverse(IEnumerable<Instrument> instruments, IEnumerable<Asset> assets, MarketSnapshot market, Profiles.RiskProfile profile) =>
        Write([], market, profile, null, many: true, [.. instruments.Cast<object>().Concat(assets)]);

    /// <summary>Writes one account alone (its instruments and assets named by id).</summary>
    public static string WriteAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            WriteAccount(w, account);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a universe written by <see cref="WriteUniverse"/> (or any book: its accounts are ignored).</summary>
    /// <exception cref="Errors.ConfigurationException">Malformed JSON, a missing, unknown, duplicate or invalid field, named by JSON path.</exception>
    public static BookUniverse ReadUniverse(string json, string source = "universe")
    {
        using var document = JsonText.Parse(json, source);
        var root = new JsonCursor(document.RootElement, "$", source).Only("assets", "instruments", "market", "accounts", "account", "profile", "supplied");
        var (assets, instruments) = ReadInstruments(root);
        var market = ReadMarket(root.Required("market"), instruments);
        var profileJson = root.Required("profile");
        var profile = profileJson.IsString ? Preset(profileJson) : RiskProfileJson.Read(profileJson);
        var supplied = root.Optional("supplied") is { } s ? RiskProfileJson.ReadSupplement(s, "book") : null;
        return new BookUniverse(assets, instruments, market, profile.WithSupplement(supplied));
    }

    /// <summary>Reads one account written by <see cref="WriteAccount(Account)"/> against <paramref name="universe"/>'s assets and instruments.</summary>
    /// <exception cref="Errors.ConfigurationException">Malformed JSON, an unknown asset or instrument, named by JSON path.</exception>
    public static Account ReadAccount(string json, BookUniverse universe, string source = "account")
    {
        ArgumentNullException.ThrowIfNull(universe);
        using var document = JsonText.Parse(json, source);
        var root = new JsonCursor(document.RootElement, "$", source).Only("account");
        return ReadAccount(root.Required("account"), universe.AssetsById, universe.InstrumentsById);
    }

    private static string Write(IReadOnlyList<Account> accounts, MarketSnapshot market, Profiles.RiskProfile profile, Profiles.ProfileSupplement? supplied,
        bool many, IReadOnlyList<object> extra)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var instruments = accounts.SelectMany(a => a.Positions.Select(p => p.Instrument).Concat(a.Orders.Select(o => o.Instrument)))
                .Concat(extra.OfType<Instrument>()).DistinctBy(i => i.Id).ToList();
            var assets = accounts.SelectMany(a => a.Balances.Select(b => b.Asset).Concat(a.Reserves.Select(r => r.Asset)))
                .Concat(instruments.SelectMany(i => new[] { i.Underlying, i.SettlementAsset }))
                .Concat(extra.OfType<Asset>()).DistinctBy(a => a.Id).ToList();

            w.WriteStartObject();
            w.WriteStartArray("assets");
            foreach (var asset in assets)
            {
                w.WriteStartObject();
                w.WriteString("id", asset.Id);
                w.WriteNumber("precision", asset.Precision);
                w.WriteBoolean("stablecoin", asset.IsStablecoin);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("instruments");
            foreach (var instrument in instruments)
                WriteInstrument(w, instrument);
            w.WriteEndArray();
            WriteMarket(w, market);
            if (many)
            {
                w.WriteStartArray("accounts");
                foreach (var account in accounts)
                {
                    w.WriteStartObject();
                    WriteAccountFields(w, account);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
            else
            {
                WriteAccount(w, accounts[0]);
            }

            w.WritePropertyName("profile");
            RiskProfileJson.Write(w, profile);
            if (supplied is not null)
            {
                w.WritePropertyName("supplied");
                RiskProfileJson.WriteSupplement(w, supplied);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteInstrument(Utf8JsonWriter w, Instrument instrument)
    {
        w.WriteStartObject();
        w.WriteString("id", instrument.Id);
        w.WriteString("kind", instrument switch { Spot => "spot", Perpetual => "perpetual", Future => "future", _ => "option" });
        w.WriteString("underlying", instrument.Underlying.Id);
        w.WriteString("settlementAsset", instrument.SettlementAsset.Id);
        w.WriteString("settlement", instrument.Settlement == Settlement.Linear ? "linear" : "inverse");
        if (instrument is not Spot)
            w.WriteNumber("contractSize", instrument.ContractSize);
        if (instrument.TickSize is { } tick)
            w.WriteNumber("tickSize", tick);
        if (instrument.LotSize is { } lot)
            w.WriteNumber("lotSize", lot);
        switch (instrument)
        {
            case Future f:
                w.WriteString("expiry", InstantPattern.ExtendedIso.Format(f.Expiry));
                break;
            case EuropeanOption o:
                w.WriteString("expiry", InstantPattern.ExtendedIso.Format(o.Expiry));
                w.WriteString("right", o.Right == OptionRight.Call ? "call" : "put");
                w.WriteNumber("strike", o.Strike);
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteByExpiry(Utf8JsonWriter w, string name, IReadOnlyDictionary<(string Underlying, NodaTime.Instant Expiry), double> values)
    {
        if (values.Count == 0)
            return;
        w.WriteStartObject(name);
        foreach (var group in values.GroupBy(p => p.Key.Underlying).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(group.Key);
            foreach (var (key, value) in group.OrderBy(p => p.Key.Expiry))
                w.WriteNumber(InstantPattern.ExtendedIso.Format(key.Expiry), value);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteCurves(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, RateCurve> curves)
    {
        if (curves.Count == 0)
            return;
        w.WriteStartObject(name);
        foreach (var (underlying, curve) in curves.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(underlying);
            if (curve.IsFlat)
            {
                w.WriteNumber("rate", curve.Pillars[0].Rate);
            }
            else
            {
                w.WriteStartArray("expiries");
                foreach (var (expiry, _) in curve.Pillars)
                    w.WriteStringValue(InstantPattern.ExtendedIso.Format(expiry));
                w.WriteEndArray();
                w.WriteStartArray("rates");
                foreach (var (_, rate) in curve.Pillars)
                    w.WriteNumberValue(rate);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteMarket(Utf8JsonWriter w, MarketSnapshot market)
    {
        w.WriteStartObject("market");
        w.WriteString("valuationTime", InstantPattern.ExtendedIso.Format(market.ValuationTime));
        foreach (var (name, values) in new[] { ("indexPrices", market.IndexPrices), ("markPrices", market.MarkPrices), ("impliedVolatilities", market.ImpliedVolatilities) })
        {
            w.WriteStartObject(name);
            foreach (var (id, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
                w.WriteNumber(id, value);
            w.WriteEndObject();
        }

        w.WriteStartObject("volatilitySurfaces");
        foreach (var (id, surface) in market.VolatilitySurfaces.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(id);
            w.WriteStartArray("expiries");
            foreach (var e in surface.Expiries)
                w.WriteStringValue(InstantPattern.ExtendedIso.Format(e));
            w.WriteEndArray();
            w.WriteStartArray("moneyness");
            foreach (var x in surface.Moneyness)
                w.WriteNumberValue(x);
            w.WriteEndArray();
            w.WriteStartArray("volatilities");
            foreach (var row in surface.Volatilities)
            {
                w.WriteStartArray();
                foreach (var v in row)
                    w.WriteNumberValue(v);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        WriteByExpiry(w, "settlementPrices", market.SettlementPrices);
        WriteByExpiry(w, "forwardFixings", market.ForwardFixings);

        if (market.Confidences.Count > 0)
        {
            w.WriteStartObject("confidences");
            foreach (var (id, confidence) in market.Confidences.OrderBy(c => c.Key, StringComparer.Ordinal))
                w.WriteNumber(id, confidence);
            w.WriteEndObject();
        }

        WriteCurves(w, "forwards", market.Forwards);
        WriteCurves(w, "discountRates", market.DiscountRates);
        if (market.RiskArrays.Count > 0)
        {
            w.WriteStartObject("riskArrays");
            foreach (var (id, array) in market.RiskArrays.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(id);
                w.WriteStartArray("losses");
                foreach (var loss in array.Losses)
                    w.WriteNumberValue(loss);
                w.WriteEndArray();
                w.WriteNumber("compositeDelta", array.CompositeDelta);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter w, Account account)
    {
        w.WriteStartObject("account");
        WriteAccountFields(w, account);
        w.WriteEndObject();
    }

    private static void WriteAccountFields(Utf8JsonWriter w, Account account)
    {
        w.WriteString("id", account.Id);
        w.WriteString("mode", account.Mode == MarginMode.Cross ? "cross" : "portfolio");
        w.WriteStartArray("balances");
        foreach (var b in account.Balances)
        {
            w.WriteStartObject();
            w.WriteString("asset", b.Asset.Id);
            w.WriteNumber("quantity", b.Quantity);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("positions");
        foreach (var p in account.Positions)
        {
            w.WriteStartObject();
            w.WriteString("instrument", p.Instrument.Id);
            w.WriteNumber("quantity", p.Quantity);
            w.WriteNumber("entryPrice", p.EntryPrice);
            if (p.IsolatedMargin is { } margin)
                w.WriteNumber("isolatedMargin", margin);
            if (p.Leverage is { } leverage)
                w.WriteNumber("leverage", leverage);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("orders");
        foreach (var o in account.Orders)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteString("instrument", o.Instrument.Id);
            w.WriteString("side", o.Side == OrderSide.Buy ? "buy" : "sell");
            w.WriteNumber("quantity", o.Quantity);
            w.WriteNumber("limitPrice", o.LimitPrice);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (!account.Reserves.IsEmpty)
        {
            w.WriteStartArray("reserves");
            foreach (var r in account.Reserves)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteString("asset", r.Asset.Id);
                w.WriteNumber("amount", r.Amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
