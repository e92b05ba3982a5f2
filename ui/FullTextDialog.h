#pragma once

#include <QString>

class QWidget;

namespace countersign::ui {

// "Show all": a long value that a table cell shortened, in full, as plain text.
class FullTextDialog
{
public:
    static constexpr const char *kSeamName = "FullTextDialog";
    static void show(QWidget *parent, const QString &title, const QString &formattedText);
};

} // namespace countersign::ui
