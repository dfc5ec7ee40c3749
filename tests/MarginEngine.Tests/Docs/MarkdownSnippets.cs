namespace MarginEngine.Tests.Docs;

/// <summary>A fenced code block of a Markdown file: its info string, first code line (1-based) and text.</summary>
internal sealed record CodeBlock(string File, int FirstLine, string Info, string Code)
{
    /// <summary>The first word of the info string, e.g. <c>csharp</c>.</summary>
    public string Language => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>Whether the info string carries <paramref name="word"/> after the language, e.g. <c>fragment</c>.</summary>
    public bool Has(string word) => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Contains(word);

    /// <summary>A C# block meant to run: <c>csharp</c> without the word <c>fragment</c>.</summary>
    public bool IsRunnableCSharp => Language is "csharp" or "cs" or "c#" && !Has("fragment");

    /// <summary>A block that shows what the C# block before it prints: <c>text output</c>.</summary>
    public bool IsOutput => Language == "text" && Has("output");
}

/// <summary>
/// Reads the fenced code blocks of a Markdown file (CommonMark fences of three or more backticks or tildes,
/// indented at most three spaces; the closing fence is at least as long as the opening one).
/// </summary>
internal static class MarkdownSnippets
{
    public static IReadOnlyList<CodeBlock> Read(string path, string displayName)
    {
        var lines = File.ReadAllLines(path);
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsFence(lines[i], out var fence, out var info))
                continue;
            var body = new List<string>();
            var first = i + 2;
            for (i++; i < lines.Length && !IsClosing(lines[i], fence); i++)
                body.Add(lines[i]);
            if (i == lines.Length)
                throw new InvalidOperationException($"{displayName}:{first - 1}: code fence is never closed");
            blocks.Add(new CodeBlock(displayName, first, info, string.Join('\n', body)));
        }

        return blocks;
    }

    private static bool IsFence(string line, out string fence, out string info)
    {
        var trimmed = line.TrimStart(' ');
        fence = info = "";
        if (line.Length - trimmed.Length > 3 || trimmed.Length < 3 || (trimmed[0] != '`' && trimmed[0] != '~'))
            return false;
        var length = trimmed.TakeWhile(c => c == trimmed[0]).Count();
        if (length < 3)
            return false;
        fence = trimmed[..length];
        info = trimmed[length..].Trim();
        return true;
    }

    private static bool IsClosing(string line, string fence)
    {
        var trimmed = line.Trim();
        return line.Length - line.TrimStart(' ').Length <= 3 && trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }
}
