using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MarginEngine.Tests.Docs;

/// <summary>
/// The runnable C# blocks of one Markdown file, read in order as one program of top-level statements, the way a
/// reader pastes them one after another into a new console project (<c>dotnet new console</c>: its implicit global
/// usings, nullable enabled). <c>using</c> directives are lifted to the top; <c>#line</c> maps every diagnostic and
/// stack frame back to the Markdown line; each block's console output is kept apart from the next one's.
/// </summary>
internal sealed class SnippetProgram
{
    private const char BlockEnd = '\u001E';

    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    private readonly IReadOnlyList<CodeBlock> _blocks;

    public SnippetProgram(IReadOnlyList<CodeBlock> blocks) => _blocks = blocks;

    /// <summary>The program's source text.</summary>
    public string Source()
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        foreach (var block in _blocks)
        {
            body.Append("#line ").Append(block.FirstLine).Append(" \"").Append(block.File).Append("\"\n");
            foreach (var line in block.Code.Split('\n'))
            {
                if (IsUsingDirective(line))
                {
                    usings.Add(line.Trim());
                    body.Append('\n');
                }
                else
                {
                    body.Append(line).Append('\n');
                }
            }

            body.Append("#line hidden\nSystem.Console.Out.Write('\\u001E');\n");
        }

        var header = new StringBuilder();
        foreach (var name in ImplicitUsings)
            header.Append("global using global::").Append(name).Append(";\n");
        foreach (var directive in usings)
            header.Append(directive).Append('\n');
        return header.Append(body).ToString();
    }

    /// <summary>Compiles the program; throws with every error and warning, each at its Markdown line.</summary>
    public (byte[] Image, byte[] Symbols) Compile()
    {
        var tree = CSharpSyntaxTree.ParseText(Source(), new CSharpParseOptions(LanguageVersion.Latest), path: "snippets.cs",
            encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create("MarginEngineDocSnippets", [tree], References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        var problems = result.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        if (problems.Count > 0 || !result.Success)
            throw new InvalidOperationException("the documentation's C# does not compile:\n" + string.Join('\n', problems));
        return (image.ToArray(), symbols.ToArray());
    }

    /// <summary>Runs the compiled program and returns what each block printed, in order.</summary>
    /// <remarks>Replaces the process's console output while it runs: callers run alone (not in parallel).</remarks>
    public IReadOnlyList<string> Run()
    {
        var (image, symbols) = Compile();
        var context = new AssemblyLoadContext("doc-snippets", isCollectible: true);
        var output = new StringWriter();
        var original = Console.Out;
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image), new MemoryStream(symbols));
            var entry = assembly.EntryPoint ?? throw new InvalidOperationException("the snippet program has no entry point");
            Console.SetOut(output);
            var arguments = entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
            var returned = entry.Invoke(null, arguments);
            if (returned is Task task)
                task.GetAwaiter().GetResult();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException(
                $"the documentation's C# throws {e.InnerException.GetType().Name}: {e.InnerException.Message}\n{e.InnerException.StackTrace}",
                e.InnerException);
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }

        var parts = output.ToString().Split(BlockEnd);
        return parts[..^1];
    }

    private static bool IsUsingDirective(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.EndsWith(';')
            && !trimmed.Contains('(') && !trimmed.Contains(" var ", StringComparison.Ordinal) && !trimmed.Contains('=');
    }

    private static ImmutableArray<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. paths.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
