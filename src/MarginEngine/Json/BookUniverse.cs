using MarginEngine.Assets;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;

namespace MarginEngine.Json;

/// <summary>
/// What accounts are read against: the assets and instruments they may name, one market snapshot and one profile
/// (<see cref="BookJson.ReadUniverse"/>, <see cref="BookJson.ReadAccount(string, BookUniverse, string)"/>). Immutable.
/// </summary>
public sealed class BookUniverse
{
    internal BookUniverse(Dictionary<string, Asset> assets, Dictionary<string, Instrument> instruments, MarketSnapshot market, RiskProfile profile)
    {
        AssetsById = assets;
        InstrumentsById = instruments;
        Market = market;
        Profile = profile;
    }

    /// <summary>The snapshot.</summary>
    public MarketSnapshot Market { get; }

    /// <summary>The profile (with the universe's supplied figures).</summary>
    public RiskProfile Profile { get; }

    /// <summary>The instruments accounts may hold, by id.</summary>
    public IReadOnlyDictionary<string, Instrument> Instruments => InstrumentsById;

    internal Dictionary<string, Asset> AssetsById { get; }

    internal Dictionary<string, Instrument> InstrumentsById { get; }
}
