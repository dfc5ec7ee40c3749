using System.Buffers.Binary;
using MarginEngine.Attribution;
using MarginEngine.Charts;
using MarginEngine.Cliff;
using MarginEngine.Json;
using MarginEngine.Portfolio;
using MarginEngine.Results;

namespace MarginEngine.Tests.Charts;

public class ChartTests
{
    [Fact]
    public void PortfolioChart_TwoPanelsPerUnit_RendersHeadless()
    {
        // The options example has one risk unit (BTC): a risk matrix and a leg-cost panel, 520 px each, 1,300 px wide.
        var book = BookJson.Read(TestFiles.Example("options-book.json")).Under(RiskProfilePresets.Get("deribit"));
        var result = PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile);
        var path = Path.Combine(Path.GetTempPath(), $"pm-{Guid.NewGuid():N}.png");
        try
        {
            PortfolioChart.Save(result, MarginAttribution.Portfolio(book.Account, book.Market, book.Profile), path);
            var bytes = File.ReadAllBytes(path);
            bytes.Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
            (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))).Should().Be((1_300, 1_040));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Charts_RefuseOtherFormatsAndEmptyInput()
    {
        var book = BookJson.Read(TestFiles.Example("default-book.json"));
        var sweep = MarginCliff.Sweep(book.Account, book.Market, book.Profile, MarginMethod.Cross, CliffShock.Together(), new CliffRange(-0.1, 0.1, 0.05));
        FluentActions.Invoking(() => CliffChart.Save([sweep], "cliff.jpg")).Should().Throw<ArgumentException>().WithMessage("*.png or .svg*");
        FluentActions.Invoking(() => CliffChart.Save([], "cliff.png")).Should().Throw<ArgumentException>();
    }
}
