#include "ui/LineRows.h"

namespace countersign::ui {

void LineRows::clear()
{
    m_rows.clear();
    m_rows.squeeze();
    m_tree.clear();
    m_tree.squeeze();
}

void LineRows::rebuild()
{
    // Linear construction: each node passes its sum on to its parent once.
    const qsizetype n = m_rows.size();
    m_tree.fill(0, n + 1);
    for (qsizetype i = 1; i <= n; ++i) {
        m_tree[i] += m_rows.at(i - 1);
        const qsizetype parent = i + (i & -i);
        if (parent <= n)
            m_tree[parent] += m_tree.at(i);
    }
}

void LineRows::setRows(qsizetype line, int rows)
{
    rows = qMax(1, rows);
    const qint64 delta = rows - m_rows.at(line);
    if (delta == 0)
        return;
    m_rows[line] = rows;
    for (qsizetype i = line + 1; i < m_tree.size(); i += i & -i)
        m_tree[i] += delta;
}

qint64 LineRows::rowOf(qsizetype line) const
{
    qint64 sum = 0;
    for (qsizetype i = qMin(line, lineCount()); i > 0; i -= i & -i)
        sum += m_tree.at(i);
    return sum;
}

qsizetype LineRows::lineAt(qint64 row) const
{
    const qsizetype n = lineCount();
    if (n == 0)
        return 0;
    // Descend the tree: the largest prefix of lines whose rows sum to at most `row`.
    qsizetype step = 1;
    while (step * 2 <= n)
        step *= 2;
    qsizetype line = 0;
    for (; step > 0; step /= 2) {
        if (line + step <= n && m_tree.at(line + step) <= row) {
            line += step;
            row -= m_tree.at(line);
        }
    }
    return qMin(line, n - 1);
}

qsizetype LineRows::memoryUsage() const
{
    return m_rows.capacity() * qsizetype(sizeof(int)) + m_tree.capacity() * qsizetype(sizeof(qint64));
}

} // namespace countersign::ui
