namespace MarginEngine.Errors;

/// <summary>
/// Thrown when a JSON book, profile or preset cannot be read: malformed JSON, a missing or
/// invalid field, an unknown id or preset. Names the source and the JSON path.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for the value at <paramref name="jsonPath"/> of <paramref name="source"/>.</summary>
    public ConfigurationException(string source, string jsonPath, string problem, Exception? inner = null)
        : base($"{source}: {jsonPath}: {problem}", inner)
    {
        Source = source;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The file name or label of the JSON text (e.g. <c>book.json</c>, <c>preset 'okx'</c>).</summary>
    public new string Source { get; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.account.positions[1].quantity</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong with the value.</summary>
    public string Problem { get; }
}
