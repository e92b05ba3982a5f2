#include "ui/KillSwitchPanel.h"

#include "core/UntrustedText.h"
#include "models/KillSwitchModel.h"
#include "ui/KillSwitchBackend.h"
#include "ui/KillSwitchDialog.h"
#include "ui/Retranslation.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace countersign::ui {

namespace {

QString line(const QJsonObject &o, const char *key)
{
    return core::UntrustedText::singleLine(o.value(QLatin1String(key)).toVariant().toString());
}

} // namespace

KillSwitchPanel::KillSwitchPanel(KillSwitchBackend *backend, models::KillSwitchModel *model, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_scope = new QComboBox(this);
    for (const char *scope : {"agent", "tool", "user", "tenant", "global"})
        m_scope->addItem(QString(), QLatin1String(scope));
    auto *scopeLabel = new QLabel(this);
    scopeLabel->setBuddy(m_scope);
    form->addRow(scopeLabel, m_scope);
    m_target = new QComboBox(this);
    m_target->setEditable(true);
    m_target->setInsertPolicy(QComboBox::NoInsert);
    auto *targetLabel = new QLabel(this);
    targetLabel->setBuddy(m_target);
    form->addRow(targetLabel, m_target);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_engage = new QPushButton(this);
    m_release = new QPushButton(this);
    m_drill = new QPushButton(this);
    buttons->addWidget(m_engage);
    buttons->addWidget(m_release);
    buttons->addWidget(m_drill);
    m_reload = new QPushButton(this);
    buttons->addWidget(m_reload);
    layout->addLayout(buttons);
    m_roleHint = new QLabel(this);
    m_roleHint->setTextFormat(Qt::PlainText);
    m_roleHint->setWordWrap(true);
    layout->addWidget(m_roleHint);

    // Active switches beside the answers, so the panel stays short enough to
    // keep the review above it readable.
    auto *lower = new QHBoxLayout;
    auto *activeColumn = new QVBoxLayout;
    auto *activeLabel = new QLabel(this);
    activeColumn->addWidget(activeLabel);
    m_active = new QTableView(this);
    m_active->setModel(model);
    m_active->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_active->setSelectionMode(QAbstractItemView::SingleSelection);
    m_active->horizontalHeader()->setStretchLastSection(true);
    activeColumn->addWidget(m_active, 1);
    lower->addLayout(activeColumn, 3);
    m_tabs = new QTabWidget(this);
    m_result = new QPlainTextEdit(this);
    m_result->setReadOnly(true);
    m_result->setMaximumBlockCount(200);
    m_drillResult = new QPlainTextEdit(this);
    m_drillResult->setReadOnly(true);
    m_history = new QListWidget(this);
    m_tabs->addTab(m_result, QString());
    m_tabs->addTab(m_drillResult, QString());
    m_tabs->addTab(m_history, QString());
    lower->addWidget(m_tabs, 2);
    layout->addLayout(lower, 1);

    (new Retranslation(this))->add([=, this] {
        setAccessibleName(tr("Kill switches"));
        m_scope->setAccessibleName(tr("Kill-switch scope"));
        const QStringList scopeNames = {tr("Agent"), tr("Tool"), tr("User"), tr("Tenant"), tr("Global (everything)")};
        for (int i = 0; i < scopeNames.size(); ++i)
            m_scope->setItemText(i, scopeNames.at(i));
        scopeLabel->setText(tr("&Scope:"));
        m_target->lineEdit()->setPlaceholderText(tr("pick one the console has seen, or type it"));
        m_target->setAccessibleName(tr("Kill-switch target"));
        targetLabel->setText(tr("&Target:"));
        m_engage->setText(tr("&Engage…"));
        m_engage->setAccessibleName(tr("Engage the kill switch"));
        m_release->setText(tr("&Release…"));
        m_release->setAccessibleName(tr("Release the selected kill switch"));
        m_drill->setText(tr("&Drill: what would this stop?"));
        m_drill->setAccessibleName(tr("Drill: list what this kill switch would stop, without engaging it"));
        m_reload->setText(tr("Re&fresh"));
        m_reload->setAccessibleName(tr("Fetch the active kill switches and their history from the broker"));
        activeLabel->setText(tr("Active switches:"));
        m_active->setAccessibleName(tr("Active kill switches"));
        m_result->setAccessibleName(tr("The broker's answer to the last kill-switch order"));
        m_drillResult->setAccessibleName(tr("What the drilled kill switch would stop"));
        m_history->setAccessibleName(tr("Kill-switch history"));
        m_tabs->setTabText(0, tr("Broker's answer"));
        m_tabs->setTabText(1, tr("Drill result"));
        m_tabs->setTabText(2, tr("History"));
        refresh(); // the role hint is composed in the current language
    });

    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] { fillTargets(); });
    connect(m_engage, &QPushButton::clicked, this, &KillSwitchPanel::engage);
    connect(m_release, &QPushButton::clicked, this, &KillSwitchPanel::release);
    connect(m_drill, &QPushButton::clicked, this, &KillSwitchPanel::drill);
    connect(m_reload, &QPushButton::clicked, this, &KillSwitchPanel::reload);
    connect(model, &models::KillSwitchModel::historyChanged, this, &KillSwitchPanel::fillHistory);
    connect(model, &QAbstractItemModel::modelReset, this, &KillSwitchPanel::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &KillSwitchPanel::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &KillSwitchPanel::refresh);
    connect(m_active->selectionModel(), &QItemSelectionModel::selectionChanged, this, &KillSwitchPanel::refresh);
    fillTargets();
    fillHistory();
    refresh();
}

QString KillSwitchPanel::roleHintText() const
{
    return m_roleHint->text();
}

QString KillSwitchPanel::resultText() const
{
    return m_result->toPlainText();
}

QString KillSwitchPanel::drillText() const
{
    return m_drillResult->toPlainText();
}

void KillSwitchPanel::setScope(const QString &scope)
{
    m_scope->setCurrentIndex(m_scope->findData(scope));
}

void KillSwitchPanel::setTarget(const QString &target)
{
    m_target->setEditText(target);
}

void KillSwitchPanel::selectSwitch(int row)
{
    m_active->selectRow(row);
}

void KillSwitchPanel::fillTargets()
{
    const QString scope = m_scope->currentData().toString();
    const QString typed = m_target->currentText();
    m_target->clear();
    m_target->setEnabled(scope != QStringLiteral("global"));
    if (scope != QStringLiteral("global")) {
        // Raw values as item data, formatted text for display.
        for (const QString &t : m_backend->knownTargets(scope))
            m_target->addItem(core::UntrustedText::singleLine(t), t);
    }
    m_target->setEditText(scope == QStringLiteral("global") ? QString() : typed);
}

void KillSwitchPanel::fillHistory()
{
    m_history->clear();
    m_history->addItems(m_model->history());
    m_history->scrollToBottom();
}

void KillSwitchPanel::refresh()
{
    QString why;
    const bool can = m_backend->canOperateKillSwitches(&why);
    m_engage->setEnabled(can);
    m_drill->setEnabled(can);
    m_release->setEnabled(can && m_active->selectionModel()->hasSelection());
    m_roleHint->setText(can ? QString() : why);
}

void KillSwitchPanel::reload()
{
    m_backend->refreshKillSwitches();
}

QString KillSwitchPanel::chosenTarget(const QString &scope) const
{
    if (scope == QStringLiteral("global"))
        return {};
    // A picked item carries its raw value; a typed one is taken as typed.
    const int picked = m_target->findText(m_target->currentText());
    return picked >= 0 ? m_target->itemData(picked).toString() : m_target->currentText().trimmed();
}

void KillSwitchPanel::confirmAndSend(const QString &operation, const QString &scope, const QString &target,
                                     const QString &sentText)
{
    const KillSwitchPreview preview = m_backend->killSwitchPreview(operation, scope, target);
    if (!preview.problem.isEmpty())
        return showProblem(preview.problem);
    const auto answer = KillSwitchDialog::ask(window(), preview);
    if (!answer)
        return;
    QString error;
    if (!m_backend->sendKillSwitch(preview, answer->reason, answer->confirmation, &error))
        return showProblem(error);
    m_result->appendPlainText(sentText.isEmpty() ? tr("Engage %1 sent; waiting for the broker…").arg(preview.summary)
                                                 : sentText);
}

void KillSwitchPanel::engage()
{
    const QString scope = m_scope->currentData().toString();
    confirmAndSend(QStringLiteral("engage"), scope, chosenTarget(scope), QString());
}

void KillSwitchPanel::release()
{
    const QModelIndexList rows = m_active->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return showProblem(tr("Select the active switch to release."));
    confirmAndSend(QStringLiteral("release"), rows.first().data(models::KillSwitchModel::ScopeRole).toString(),
                   rows.first().data(models::KillSwitchModel::TargetRole).toString(),
                   tr("Release sent; waiting for the broker…"));
}

void KillSwitchPanel::drill()
{
    const QString scope = m_scope->currentData().toString();
    const KillSwitchPreview preview = m_backend->killSwitchPreview(QStringLiteral("drill"), scope, chosenTarget(scope));
    if (!preview.problem.isEmpty())
        return showProblem(preview.problem);
    QString error;
    if (!m_backend->sendKillSwitch(preview, tr("Drill from the console: what would this stop?"), QString(), &error))
        return showProblem(error);
    m_drillResult->setPlainText(tr("Drill sent; waiting for the broker…"));
    m_tabs->setCurrentWidget(m_drillResult);
}

void KillSwitchPanel::showProblem(const QString &text)
{
    m_result->appendPlainText(tr("Not sent: %1").arg(text));
}

void KillSwitchPanel::showResult(const QJsonObject &reply, qint64 elapsedMs)
{
    const bool accepted = reply.value(QStringLiteral("accepted")).toBool();
    const QString operation = reply.value(QStringLiteral("request_operation")).toString();
    const bool isDrill = reply.value(QStringLiteral("drill")).toBool() || operation == QStringLiteral("drill");
    m_tabs->setCurrentWidget(isDrill && accepted ? m_drillResult : m_result);
    const QString target
        = reply.value(QStringLiteral("target")).toString().isEmpty() ? tr("everything") : line(reply, "target");
    if (!accepted) {
        const QString code = line(reply, "code");
        QString words = code == QStringLiteral("role_not_allowed")
            ? tr("your key does not have the on-call role for this scope")
            : code == QStringLiteral("already_engaged") ? tr("this switch is already engaged")
            : code == QStringLiteral("not_engaged")     ? tr("this switch is not engaged")
                                                        : tr("the order was refused");
        const QString text = tr("REFUSED by the broker after %1 ms: %2 (%3): %4")
                                 .arg(QString::number(elapsedMs), words, code, line(reply, "message"));
        m_result->appendPlainText(text);
        if (isDrill)
            m_drillResult->setPlainText(text);
        return;
    }
    if (isDrill) {
        QStringList lines;
        const QJsonArray wouldKill = reply.value(QStringLiteral("would_kill")).toArray();
        lines << tr("Drill of %1 %2 (nothing was engaged), answered in %3 ms.")
                     .arg(line(reply, "scope"), target, QString::number(elapsedMs));
        lines << tr("Pending actions that would be killed: %1").arg(wouldKill.size());
        for (const QJsonValue &v : wouldKill) {
            const QJsonObject a = v.toObject();
            lines << tr("  %1  tenant %2, agent %3, tool %4, user %5")
                         .arg(line(a, "id"), line(a, "tenant"), line(a, "agent"), line(a, "tool"), line(a, "user"));
        }
        const QJsonArray agents = reply.value(QStringLiteral("agents")).toArray();
        lines << tr("Agents affected: %1").arg(agents.size());
        for (const QJsonValue &v : agents)
            lines << QStringLiteral("  ")
                    + core::UntrustedText::singleLine(v.isObject() ? v.toObject().value(QStringLiteral("id")).toString()
                                                                   : v.toString());
        const QJsonArray tokens = reply.value(QStringLiteral("tokens")).toArray();
        lines << tr("Agent tokens that would stop working: %1").arg(tokens.size());
        for (const QJsonValue &v : tokens) {
            const QJsonObject t = v.toObject();
            lines << tr("  %1  agent %2, tenant %3").arg(line(t, "id"), line(t, "agent"), line(t, "tenant"));
        }
        m_drillResult->setPlainText(lines.join(QLatin1Char('\n')));
        m_result->appendPlainText(tr("Drill answered in %1 ms.").arg(elapsedMs));
        return;
    }
    if (operation != QStringLiteral("release"))
        m_result->appendPlainText(tr("ENGAGED by the broker in %1 ms: %2 %3; %4 pending actions killed.")
                                      .arg(QString::number(elapsedMs), line(reply, "scope"), target,
                                           QString::number(reply.value(QStringLiteral("killed_count")).toInt())));
    else
        m_result->appendPlainText(tr("RELEASED by the broker in %1 ms: %2 %3; service restored in that scope.")
                                      .arg(QString::number(elapsedMs), line(reply, "scope"), target));
}

} // namespace countersign::ui
