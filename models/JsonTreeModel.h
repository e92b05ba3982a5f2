#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>

namespace countersign::core {
class Action;
}

namespace countersign::models {

// A read-only tree of one JSON value (the tool arguments pane): columns Key,
// Value and Type; object members in canonical (RFC 8785, UTF-16 code unit)
// order; array items as [0], [1], …. The top level shows the members of the
// root object or array (a scalar root shows as a single row).
//
// Nothing is elided silently: a cell's text is capped at kCellTextLimit
// characters with an explicit "… (N more characters — show all)" marker and
// TruncatedRole true, and FullTextRole always holds the complete formatted
// text. Every key and string goes through core::UntrustedText.
//
// Children are created lazily, the first time a view asks for an index under
// a node, so a 10 MB document costs nothing until it is expanded.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        FullTextRole = Qt::UserRole + 1, // QString: the whole formatted cell text (containers: canonical JSON)
        TruncatedRole, // bool: DisplayRole shows only part of FullTextRole
        HiddenCountRole, // int: invisible characters made visible in this cell's full text (scalars and keys)
        JsonValueRole, // QJsonValue, raw: never display it as it is
        JsonTypeRole, // QString: object, array, string, number, boolean, null
        JsonPathRole, // QString: e.g. policy.Statement[1].Action, formatted
        ChildCountRole, // int
    };
    Q_ENUM(Role)

    static constexpr qsizetype kCellTextLimit = 2000;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setValue(const QJsonValue &value);
    // Shows the action's tool arguments.
    void setAction(const core::Action &action);
    void clear();
    QJsonValue value() const;

    // Nodes created so far (for tests and the performance notes).
    qsizetype materializedNodeCount() const { return m_nodeCount; }
    // Invisible characters in every key and string of the document; computed on first call.
    int totalHiddenCount() const;
    // Rows with children (objects and arrays that are not empty), at every
    // depth: what a view must have expanded to show the whole document.
    // Computed from the JSON on first call, without creating nodes.
    qsizetype expandableCount() const;
    // Whether any cell shows only part of its text (TruncatedRole), anywhere
    // in the document. Computed from the JSON on first call.
    bool hasTruncatedCell() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    struct Cell;

    Node *nodeFor(const QModelIndex &index) const;
    int childCount(const Node *node) const;
    void populate(Node *node) const;
    const Cell &keyCell(Node *node) const;
    const Cell &valueCell(Node *node) const;
    QString fullValueText(const Node *node) const;
    QString path(const Node *node) const;
    QString typeName(const QJsonValue &value) const;
    QString tooltip(Node *node, int column) const;

    std::unique_ptr<Node> m_root;
    mutable qsizetype m_nodeCount = 0;
    mutable int m_totalHidden = -1;
    mutable qsizetype m_expandable = -1;
    mutable int m_truncated = -1; // -1 unknown, else 0 or 1
};

} // namespace countersign::models
