#pragma once
// Include QCustomPlot through this header. The build defines QT_NO_KEYWORDS (libtorch
// clashes with Qt's `signals`/`slots`/`emit` macros), but qcustomplot.h still spells its
// sections `signals:` and `slots:` and loops with `foreach`; map them to the Q_ macros
// for this header only.
#if defined(QT_NO_KEYWORDS) && !defined(signals)
#define TUNEBENCH_DEFINED_QT_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#endif

#include <qcustomplot.h>

#ifdef TUNEBENCH_DEFINED_QT_KEYWORDS
#undef signals
#undef slots
#undef emit
#undef foreach
#undef TUNEBENCH_DEFINED_QT_KEYWORDS
#endif
