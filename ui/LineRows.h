#pragma once

#include <QList>

namespace countersign::ui {

// How many rows each line of a wrapped text view takes and at which row each
// line starts. The prefix sums are a Fenwick tree, so changing one line's rows
// and finding the line at a scroll position are O(log n) for documents of a
// hundred thousand lines, where a plain running sum would be rebuilt on every
// line laid out.
class LineRows
{
public:
    // Forgets everything: `count` lines of `rows(line)` rows each.
    template<typename RowsOf> void reset(qsizetype count, RowsOf rows)
    {
        m_rows.resize(count);
        for (qsizetype line = 0; line < count; ++line)
            m_rows[line] = qMax(1, rows(line));
        rebuild();
    }
    void clear();

    qsizetype lineCount() const { return m_rows.size(); }
    int rows(qsizetype line) const { return m_rows.at(line); }
    void setRows(qsizetype line, int rows);
    // The first row of `line`; lineCount() gives the total.
    qint64 rowOf(qsizetype line) const;
    qint64 totalRows() const { return rowOf(lineCount()); }
    // The line holding `row` (the last line for rows past the end).
    qsizetype lineAt(qint64 row) const;
    qsizetype memoryUsage() const;

private:
    void rebuild();

    QList<int> m_rows;
    QList<qint64> m_tree; // Fenwick tree over m_rows, 1-based
};

} // namespace countersign::ui
