namespace MarginEngine.Tests.Docs;

/// <summary>The snippet tests swap the process's console output, so they run alone.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>
/// Every C# block of README.md and docs/*.md runs as written (blocks marked <c>csharp fragment</c> are skipped by
/// intent), read in order as one program per file, and every <c>text output</c> block shows what the C# block before
/// it prints.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class DocumentationSnippetTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in MarkdownFiles().Where(f => Blocks(f).Any(b => b.IsRunnableCSharp)))
            data.Add(file);
        return data;
    }

    [Fact]
    public void Readme_HasCSharpThatRuns()
    {
        // The README is the first thing a user copies: it must keep runnable C#, not only fragments.
        Blocks("README.md").Count(b => b.IsRunnableCSharp).Should().BeGreaterThanOrEqualTo(5);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void CSharpBlocks_CompileAndRunInOrder_PrintingWhatTheDocumentShows(string file)
    {
        var blocks = Blocks(file);
        var runnable = blocks.Where(b => b.IsRunnableCSharp).ToList();
        var printed = new SnippetProgram(runnable).Run();
        printed.Should().HaveCount(runnable.Count);

        for (var i = 0; i < blocks.Count; i++)
        {
            if (!blocks[i].IsOutput)
                continue;
            var before = i > 0 ? blocks[i - 1] : null;
            before.Should().NotBeNull($"{file}:{blocks[i].FirstLine}: an output block follows a runnable C# block");
            before!.IsRunnableCSharp.Should().BeTrue($"{file}:{blocks[i].FirstLine}: an output block follows a runnable C# block");
            Normalise(printed[runnable.IndexOf(before)]).Should().Be(Normalise(blocks[i].Code),
                $"{file}:{blocks[i].FirstLine} shows what the block at line {before.FirstLine} prints");
        }
    }

    [Fact]
    public void EveryCSharpBlock_IsSpelledCsharp_AndAtMostMarkedAsAFragment()
    {
        // A C# block under another spelling ("C#", "cs-fragment", "csharp skip") would be skipped by accident, not by
        // intent: C# blocks say "csharp" and nothing else but "fragment".
        var stray = MarkdownFiles()
            .SelectMany(Blocks)
            .Where(b => System.Text.RegularExpressions.Regex.IsMatch(b.Language, "^(c#|cs|csharp)($|[^s])", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Where(b => b.Language != "csharp" || b.Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Any(w => w != "fragment"))
            .Select(b => $"{b.File}:{b.FirstLine} ({b.Info})");
        stray.Should().BeEmpty();
    }

    [Fact]
    public void Program_MapsACompileErrorToItsMarkdownLine()
    {
        // A deliberately broken block at line 41 of a made-up file: the message names that file and line.
        var broken = new CodeBlock("guide.md", 41, "csharp", "var x = 1;\nint y = \"text\";");
        var act = () => new SnippetProgram([broken]).Compile();
        act.Should().Throw<InvalidOperationException>().WithMessage("*guide.md(42,*CS0029*");
    }

    [Fact]
    public void Program_ReportsAnExceptionThrownByABlock()
    {
        var throwing = new CodeBlock("guide.md", 10, "csharp",
            "using MarginEngine.Json;\nvar profile = RiskProfilePresets.Get(\"no-such-venue\");");
        var act = () => new SnippetProgram([throwing]).Run();
        act.Should().Throw<InvalidOperationException>().WithMessage("*ConfigurationException*no-such-venue*");
    }

    [Fact]
    public void Program_KeepsEachBlocksOutputApart()
    {
        var first = new CodeBlock("guide.md", 1, "csharp", "Console.WriteLine(\"one\");");
        var second = new CodeBlock("guide.md", 5, "csharp", "Console.Write(\"two\");");
        new SnippetProgram([first, second]).Run().Should().Equal("one" + Environment.NewLine, "two");
    }

    private static IEnumerable<string> MarkdownFiles()
    {
        yield return "README.md";
        foreach (var path in Directory.GetFiles(Path.Combine(TestFiles.Repository, "docs"), "*.md").Order(StringComparer.Ordinal))
            yield return Path.Combine("docs", Path.GetFileName(path));
    }

    private static IReadOnlyList<CodeBlock> Blocks(string file) =>
        MarkdownSnippets.Read(Path.Combine(TestFiles.Repository, file), file.Replace('\\', '/'));

    private static string Normalise(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
