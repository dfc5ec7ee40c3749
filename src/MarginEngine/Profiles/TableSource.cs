namespace MarginEngine.Profiles;

/// <summary>Where one parameter table of a preset comes from (docs/presets.md).</summary>
/// <param name="Provenance">
/// <c>published</c>, <c>third-party copy of published</c>, <c>code constant</c>, <c>API example</c>,
/// <c>rule</c> (the venue's published rule applied), or <c>example</c> (not the venue's figure).
/// </param>
/// <param name="AsOf">Date or vintage of the table as published, e.g. <c>2026-03-05</c>.</param>
/// <param name="Source">The document or snapshot it was read from.</param>
public sealed record TableSource(string Provenance, string AsOf, string Source);
