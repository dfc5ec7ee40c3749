using MarginEngine.Accounts;
using MarginEngine.MarketData;
using MarginEngine.Profiles;

namespace MarginEngine.Json;

/// <summary>Everything one margin calculation needs: the account, the market snapshot and the risk profile.</summary>
/// <param name="Account">The account.</param>
/// <param name="Market">The market snapshot.</param>
/// <param name="Profile">The risk profile, with <paramref name="Supplied"/> filling its gaps.</param>
/// <param name="Supplied">
/// Figures the book supplies where a profile has none (docs/input-format.md §Supplied): applied to
/// the book's own profile, and to each preset a comparison runs the book under.
/// </param>
public sealed record Book(Account Account, MarketSnapshot Market, RiskProfile Profile, ProfileSupplement? Supplied = null)
{
    /// <summary>The book under <paramref name="profile"/>, with this book's supplied figures filling its gaps.</summary>
    public Book Under(RiskProfile profile) => this with { Profile = Guard(profile).WithSupplement(Supplied) };

    private static RiskProfile Guard(RiskProfile profile) => profile ?? throw new ArgumentNullException(nameof(profile));
}
