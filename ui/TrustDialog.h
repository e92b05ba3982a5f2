#pragma once

#include <QString>

class QWidget;

namespace countersign::ui {

// Trust on first use: shows the broker certificate's SHA-256 fingerprint for
// the approver to compare with the one the broker's operator published, and
// warns loudly when a pinned fingerprint changed.
class TrustDialog
{
public:
    static constexpr const char *kSeamName = "TrustDialog";
    static constexpr const char *kMismatchSeamName = "CertificateMismatch";

    // True when the approver trusts the certificate.
    static bool askFirstUse(QWidget *parent, const QString &host, const QString &fingerprint);
    // Never offers to accept: a changed certificate is refused.
    static void warnMismatch(QWidget *parent, const QString &host, const QString &pinned, const QString &presented);
};

} // namespace countersign::ui
