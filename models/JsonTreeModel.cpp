#include "models/JsonTreeModel.h"

#include "core/Action.h"
#include "core/CanonicalJson.h"
#include "core/UntrustedText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <vector>

namespace countersign::models {

using core::UntrustedText;

struct JsonTreeModel::Cell
{
    QString text; // what DisplayRole shows, possibly truncated
    bool truncated = false;
    int hidden = 0;
};

struct JsonTreeModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    QString key;
    bool isIndex = false; // an array item: key is its index
    bool isRoot = false;
    QJsonValue value;
    bool populated = false;
    std::vector<std::unique_ptr<Node>> children;
    std::optional<Cell> keyCell;
    std::optional<Cell> valueCell;
};

namespace {

bool utf16Less(const QString &a, const QString &b)
{
    // RFC 8785 orders members by UTF-16 code units, which is not what
    // locale-aware or code-point comparisons do with surrogates.
    const char16_t *pa = reinterpret_cast<const char16_t *>(a.utf16());
    const char16_t *pb = reinterpret_cast<const char16_t *>(b.utf16());
    return std::lexicographical_compare(pa, pa + a.size(), pb, pb + b.size());
}

// Calls visit(key, value, isMember) for every member and item below `root`,
// depth first, without copying the document.
template<typename Visit> void walk(const QJsonValue &root, Visit visit)
{
    QList<QJsonValue> stack {root};
    while (!stack.isEmpty()) {
        const QJsonValue v = stack.takeLast();
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (const QJsonValue &item : a) {
                visit(QString(), item, false);
                if (item.isArray() || item.isObject())
                    stack.append(item);
            }
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                visit(it.key(), it.value(), true);
                if (it.value().isArray() || it.value().isObject())
                    stack.append(it.value());
            }
        }
    }
}

int countHidden(const QJsonValue &root)
{
    int total = root.isString() ? UntrustedText::format(root.toString()).hiddenCount : 0;
    walk(root, [&total](const QString &key, const QJsonValue &v, bool isMember) {
        if (isMember)
            total += UntrustedText::format(key).hiddenCount;
        if (v.isString())
            total += UntrustedText::format(v.toString()).hiddenCount;
    });
    return total;
}

bool isExpandable(const QJsonValue &v)
{
    return (v.isObject() && !v.toObject().isEmpty()) || (v.isArray() && !v.toArray().isEmpty());
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    clear();
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setValue(const QJsonValue &value)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->isRoot = true;
    m_root->value = value;
    m_nodeCount = 1;
    m_totalHidden = -1;
    m_expandable = -1;
    m_truncated = -1;
    endResetModel();
}

void JsonTreeModel::setAction(const core::Action &action)
{
    setValue(QJsonValue(action.arguments));
}

void JsonTreeModel::clear()
{
    setValue(QJsonValue(QJsonValue::Undefined));
}

QJsonValue JsonTreeModel::value() const
{
    return m_root->value;
}

int JsonTreeModel::totalHiddenCount() const
{
    if (m_totalHidden < 0)
        m_totalHidden = m_root->value.isUndefined() ? 0 : countHidden(m_root->value);
    return m_totalHidden;
}

qsizetype JsonTreeModel::expandableCount() const
{
    if (m_expandable < 0) {
        qsizetype n = 0;
        walk(m_root->value, [&n](const QString &, const QJsonValue &v, bool) {
            if (isExpandable(v))
                ++n;
        });
        m_expandable = n;
    }
    return m_expandable;
}

bool JsonTreeModel::hasTruncatedCell() const
{
    if (m_truncated < 0) {
        // The same test keyCell and valueCell apply. Formatting never makes a
        // text shorter, so a long raw text is cut short without formatting it.
        const auto cut = [](const QString &raw, bool singleLine) {
            if (raw.size() > kCellTextLimit)
                return true;
            const QString shown
                = singleLine ? UntrustedText::formatSingleLine(raw).text : UntrustedText::format(raw).text;
            return shown.size() > kCellTextLimit;
        };
        bool any = m_root->value.isString() && cut(m_root->value.toString(), false);
        walk(m_root->value, [&](const QString &key, const QJsonValue &v, bool isMember) {
            if (any)
                return;
            any = (isMember && cut(key, true)) || (v.isString() && cut(v.toString(), false));
        });
        m_truncated = any ? 1 : 0;
    }
    return m_truncated == 1;
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

int JsonTreeModel::childCount(const Node *node) const
{
    const QJsonValue &v = node->value;
    if (v.isObject())
        return int(v.toObject().size());
    if (v.isArray())
        return int(v.toArray().size());
    if (node->isRoot && !v.isUndefined())
        return 1; // a scalar document: one row for the value itself
    return 0;
}

void JsonTreeModel::populate(Node *node) const
{
    if (node->populated)
        return;
    node->populated = true;
    auto add = [&](const QString &key, bool isIndex, const QJsonValue &value) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size());
        child->key = key;
        child->isIndex = isIndex;
        child->value = value;
        node->children.push_back(std::move(child));
        ++m_nodeCount;
    };
    const QJsonValue &v = node->value;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        QStringList keys = o.keys();
        std::sort(keys.begin(), keys.end(), utf16Less);
        node->children.reserve(size_t(keys.size()));
        for (const QString &k : keys)
            add(k, false, o.value(k));
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        node->children.reserve(size_t(a.size()));
        for (qsizetype i = 0; i < a.size(); ++i)
            add(QString::number(i), true, a.at(i));
    } else if (node->isRoot && !v.isUndefined()) {
        add(QString(), false, v);
    }
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeFor(parent);
    populate(p);
    return createIndex(row, column, p->children.at(size_t(row)).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *p = nodeFor(child)->parent;
    if (!p || p->isRoot)
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return childCount(nodeFor(parent));
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    // Answered from the JSON itself, without creating the children.
    return rowCount(parent) > 0;
}

QString JsonTreeModel::typeName(const QJsonValue &value) const
{
    switch (value.type()) {
    case QJsonValue::Object:
        return tr("object");
    case QJsonValue::Array:
        return tr("array");
    case QJsonValue::String:
        return tr("string");
    case QJsonValue::Double:
        return tr("number");
    case QJsonValue::Bool:
        return tr("boolean");
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Undefined:
        return {};
    }
    return {};
}

const JsonTreeModel::Cell &JsonTreeModel::keyCell(Node *node) const
{
    if (!node->keyCell) {
        Cell c;
        if (node->isIndex) {
            c.text = u'[' + node->key + u']';
        } else if (node->parent && node->parent->isRoot && !node->parent->value.isObject()) {
            c.text = tr("(value)");
        } else {
            const UntrustedText::Result r = UntrustedText::formatSingleLine(node->key);
            c.text = UntrustedText::truncate(r.text, kCellTextLimit, &c.truncated);
            c.hidden = r.hiddenCount;
        }
        node->keyCell = c;
    }
    return *node->keyCell;
}

const JsonTreeModel::Cell &JsonTreeModel::valueCell(Node *node) const
{
    if (!node->valueCell) {
        Cell c;
        const QJsonValue &v = node->value;
        if (v.isObject()) {
            const int n = int(v.toObject().size());
            c.text = n == 1 ? tr("1 member") : tr("%n members", nullptr, n);
        } else if (v.isArray()) {
            const int n = int(v.toArray().size());
            c.text = n == 1 ? tr("1 item") : tr("%n items", nullptr, n);
        } else if (v.isString()) {
            const UntrustedText::Result r = UntrustedText::format(v.toString());
            c.text = UntrustedText::truncate(r.text, kCellTextLimit, &c.truncated);
            c.hidden = r.hiddenCount;
        } else {
            c.text = QString::fromUtf8(core::CanonicalJson::serializeOrEmpty(v));
        }
        node->valueCell = c;
    }
    return *node->valueCell;
}

QString JsonTreeModel::fullValueText(const Node *node) const
{
    const QJsonValue &v = node->value;
    if (v.isString())
        return UntrustedText::display(v.toString());
    // Containers: their canonical JSON, the same text the raw view shows.
    return UntrustedText::display(QString::fromUtf8(core::CanonicalJson::serializeOrEmpty(v)));
}

QString JsonTreeModel::path(const Node *node) const
{
    static const QRegularExpression plainKey(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    QStringList parts;
    for (const Node *n = node; n && !n->isRoot; n = n->parent) {
        if (n->isIndex)
            parts.prepend(u'[' + n->key + u']');
        else if (n->parent && n->parent->isRoot && !n->parent->value.isObject())
            parts.prepend(QString());
        else if (plainKey.match(n->key).hasMatch())
            parts.prepend(u'.' + n->key);
        else
            parts.prepend(QStringLiteral("[\"") + UntrustedText::singleLine(n->key) + QStringLiteral("\"]"));
    }
    QString out = parts.join(QString());
    if (out.startsWith(u'.'))
        out.remove(0, 1);
    return out;
}

QString JsonTreeModel::tooltip(Node *node, int column) const
{
    // The first line is the model's own text, so Qt's rich-text guess (which
    // looks at the first line only) never treats agent content as markup;
    // and the tooltip never repeats the (possibly huge) value itself.
    const QJsonValue &v = node->value;
    QStringList lines;
    if (v.isString())
        lines.append(tr("String of %n UTF-16 code units", nullptr, int(v.toString().size())));
    else if (v.isObject() || v.isArray())
        lines.append(childCount(node) == 1 ? tr("%1 with 1 child").arg(typeName(v))
                                           : tr("%1 with %n children", nullptr, childCount(node)).arg(typeName(v)));
    else
        lines.append(typeName(v));
    const Cell &c = column == KeyColumn ? keyCell(node) : valueCell(node);
    if (c.truncated)
        lines.append(tr("Shown in part here: open “show all” to read the whole value."));
    if (c.hidden > 0)
        lines.append(c.hidden == 1 ? tr("1 invisible character made visible as a ⟦U+…⟧ token.")
                                   : tr("%n invisible characters made visible as ⟦U+…⟧ tokens.", nullptr, c.hidden));
    return lines.join(u'\n');
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    Node *node = nodeFor(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == KeyColumn)
            return keyCell(node).text;
        if (column == ValueColumn)
            return valueCell(node).text;
        return typeName(node->value);
    case Qt::ToolTipRole:
        return column == TypeColumn ? QVariant() : QVariant(tooltip(node, column));
    case FullTextRole:
        if (column == KeyColumn)
            return node->isIndex ? keyCell(node).text : UntrustedText::display(node->key);
        if (column == ValueColumn)
            return fullValueText(node);
        return typeName(node->value);
    case TruncatedRole:
        if (column == KeyColumn)
            return keyCell(node).truncated;
        if (column == ValueColumn)
            return valueCell(node).truncated;
        return false;
    case HiddenCountRole:
        if (column == KeyColumn)
            return keyCell(node).hidden;
        if (column == ValueColumn)
            return valueCell(node).hidden;
        return 0;
    case JsonValueRole:
        return QVariant::fromValue(node->value);
    case JsonTypeRole: {
        switch (node->value.type()) {
        case QJsonValue::Object:
            return QStringLiteral("object");
        case QJsonValue::Array:
            return QStringLiteral("array");
        case QJsonValue::String:
            return QStringLiteral("string");
        case QJsonValue::Double:
            return QStringLiteral("number");
        case QJsonValue::Bool:
            return QStringLiteral("boolean");
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Undefined:
            return QString();
        }
        return QString();
    }
    case JsonPathRole:
        return path(node);
    case ChildCountRole:
        return childCount(node);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (childCount(nodeFor(index)) == 0)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> JsonTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(FullTextRole, "fullText");
    names.insert(TruncatedRole, "truncated");
    names.insert(HiddenCountRole, "hiddenCount");
    names.insert(JsonValueRole, "jsonValue");
    names.insert(JsonTypeRole, "jsonType");
    names.insert(JsonPathRole, "jsonPath");
    names.insert(ChildCountRole, "childCount");
    return names;
}

} // namespace countersign::models
