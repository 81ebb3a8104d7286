namespace Course.Notebooks.Formatting;

/// <summary>Rows shown as a table whatever their type: what <c>rows.DisplayTable()</c> displays.</summary>
internal sealed class TableContent(System.Collections.IEnumerable rows) : IDisplayContent
{
    public IReadOnlyDictionary<string, string> Bundle() => Tables.Sequence(rows);
}
