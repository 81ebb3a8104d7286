namespace Course.Autoencoders;

/// <summary>The Hungarian algorithm: the one-to-one matching of rows to columns with the smallest total cost.</summary>
/// <remarks>
/// Kuhn (1955), Munkres (1957); this is the O(n²m) shortest-augmenting-path form with potentials. A clustering names its
/// clusters 0…k−1 in no particular order, so before comparing them with the digits we match clusters to digits so that
/// as many samples as possible agree (<see cref="ClusteringScores.Accuracy(int[], int[])"/>).
/// Trying all 10! = 3,628,800 matchings would also work for 10 clusters; this takes microseconds.
/// Notebook 09-autoencoder-applications, "Deep clustering".
/// </remarks>
public static class HungarianMatching
{
    /// <summary>For each row, the column it is matched to, minimising the sum of <c>cost[row, column]</c>.</summary>
    /// <param name="cost">Rows × columns costs (finite). With more rows than columns some rows stay unmatched.</param>
    /// <returns>Column of each row, or −1 for an unmatched row; no column is used twice.</returns>
    /// <exception cref="ArgumentException">A cost is not finite.</exception>
    public static int[] Minimize(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int rows = cost.GetLength(0), cols = cost.GetLength(1);
        foreach (var c in cost)
            if (!double.IsFinite(c)) throw new ArgumentException("The Hungarian algorithm needs finite costs; one is NaN or infinite.", nameof(cost));
        if (rows == 0 || cols == 0) return Enumerable.Repeat(-1, rows).ToArray();
        if (rows > cols)                                                              // match the columns to rows instead
        {
            var transposed = new double[cols, rows];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) transposed[j, i] = cost[i, j];
            var rowOfColumn = Minimize(transposed);
            var result = Enumerable.Repeat(-1, rows).ToArray();
            for (int j = 0; j < cols; j++) result[rowOfColumn[j]] = j;
            return result;
        }

        // 1-based arrays: u, v are the row and column potentials, p[j] the row matched to column j, way[j] the path back.
        int n = rows, m = cols;
        var u = new double[n + 1];
        var v = new double[m + 1];
        var p = new int[m + 1];
        var way = new int[m + 1];
        for (int i = 1; i <= n; i++)
        {
            p[0] = i;
            int j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, m + 1).ToArray();
            var used = new bool[m + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    double reduced = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (reduced < minv[j]) { minv[j] = reduced; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (int j = 0; j <= m; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do                                                                        // flip the augmenting path
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var columnOfRow = Enumerable.Repeat(-1, n).ToArray();
        for (int j = 1; j <= m; j++)
            if (p[j] != 0) columnOfRow[p[j] - 1] = j - 1;
        return columnOfRow;
    }

    /// <summary>For each row, the column it is matched to, maximising the sum of <c>score[row, column]</c> (e.g. counts of agreement).</summary>
    public static int[] Maximize(double[,] score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var negated = new double[score.GetLength(0), score.GetLength(1)];
        for (int i = 0; i < score.GetLength(0); i++)
            for (int j = 0; j < score.GetLength(1); j++) negated[i, j] = -score[i, j];
        return Minimize(negated);
    }
}
