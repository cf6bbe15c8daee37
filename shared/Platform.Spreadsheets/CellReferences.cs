namespace Platform.Spreadsheets;

/// <summary>Column letters (A … Z, AA … XFD) and cell references ("AB12").</summary>
public static class CellReferences
{
    /// <summary>Zero-based column index → letters: 0 → A, 25 → Z, 26 → AA, 16383 → XFD.</summary>
    public static string ColumnLetters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>The zero-based column index of a reference such as "AB12" (or of bare letters), or -1 if there are none.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z') break;
            index = index * 26 + (upper - 'A' + 1);
            if (++letters > 3) return -1;
        }
        return letters == 0 ? -1 : index - 1;
    }

    public static string Cell(int columnIndex, int rowNumber) => ColumnLetters(columnIndex) + rowNumber;
}
