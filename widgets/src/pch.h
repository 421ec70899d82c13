#pragma once
// Precompiled header of the widget libraries. qcustomplot.h pulls in most of QtWidgets and
// QtPrintSupport: parsing it cost ~8 s of CPU in every file that draws a chart, against ~2 s to
// load it precompiled (measured on the reference 2-core machine). No LibTorch here, ever
// (docs/ARCHITECTURE.md rule 1).
#include <qcustomplot.h>

#include <QtCore>
#include <QtGui>
#include <QtWidgets>
