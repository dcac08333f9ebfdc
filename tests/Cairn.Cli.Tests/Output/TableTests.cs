using Cairn.Cli.Output;

namespace Cairn.Cli.Tests.Output;

public sealed class TableTests
{
    [Fact]
    public void Write_PadsColumnsToTheWidestCell_WithoutTrailingSpaces()
    {
        var table = new Table("ID", "NAME", "NOTE")
            .AddRow("1", "Default", "x")
            .AddRow("12", "a", null);

        Assert.Equal(
            """
            ID  NAME     NOTE
            1   Default  x
            12  a

            """.ReplaceLineEndings(),
            table.ToString());
    }

    [Fact]
    public void AlignRight_PadsNumbersOnTheLeft()
    {
        var table = new Table("KEY", "VALUE").AlignRight(1).AddRow("acc", "0.9").AddRow("loss", "12.25");

        Assert.Equal(["KEY   VALUE", "acc     0.9", "loss  12.25"], table.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void LongCells_AreCutWithAnEllipsis_ExceptInTheLastColumn()
    {
        var longText = new string('x', 30);
        var table = new Table("A", "B") { MaxCellWidth = 10 }.AddRow(longText, longText);

        var row = table.ToString().Split(Environment.NewLine)[1];

        Assert.Equal("xxxxxxxxx…  " + longText, row);
    }

    [Fact]
    public void ControlCharacters_DoNotBreakTheGrid()
    {
        var table = new Table("K", "V") { ShowHeader = false }.AddRow("k", "line1\nline2\tend");

        Assert.Equal("k  line1 line2 end" + Environment.NewLine, table.ToString());
    }

    [Fact]
    public void AddRow_WithTheWrongNumberOfCells_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new Table("A", "B").AddRow("only one"));
    }

    [Fact]
    public void EmptyTable_PrintsOnlyTheHeader()
    {
        Assert.Equal("RUN ID  NAME" + Environment.NewLine, new Table("RUN ID", "NAME").ToString());
    }
}
