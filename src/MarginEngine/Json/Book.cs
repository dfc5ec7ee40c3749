using MarginEngine.Accounts;
using MarginEngine.MarketData;
using MarginEngine.Profiles;

namespace MarginEngine.Json;

/// <summary>Everything one margin calculation needs: the account, the market snapshot and the risk profile.</summary>
/// <param name="Account">The account.</param>
/// <param name="Market">The market snapshot.</param>
/// <param name="Profile">The risk profile.</param>
public sealed record Book(Account Account, MarketSnapshot Market, RiskProfile Profile);
