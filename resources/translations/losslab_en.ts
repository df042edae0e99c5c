<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ColumnPickerDialog</name>
    <message numerus="yes">
        <source>%1 has %n column(s). Which hold x and y?</source>
        <translation>
            <numerusform>%1 has %n column. Which hold x and y?</numerusform>
            <numerusform>%1 has %n columns. Which hold x and y?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Opened %1: %n point(s). %2</source>
        <translation>
            <numerusform>Opened %1: %n point. %2</numerusform>
            <numerusform>Opened %1: %n points. %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training will go on from step %1. The %n step(s) after it will be dropped.</source>
        <translation>
            <numerusform>Training will go on from step %1. The %n step after it will be dropped.</numerusform>
            <numerusform>Training will go on from step %1. The %n steps after it will be dropped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionDocument</name>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message numerus="yes">
        <source>Opened %1: %n point(s).</source>
        <translation>
            <numerusform>Opened %1: %n point.</numerusform>
            <numerusform>Opened %1: %n points.</numerusform>
        </translation>
    </message>
</context>
</TS>
