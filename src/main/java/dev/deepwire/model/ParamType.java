package dev.deepwire.model;

/** The type of a block parameter, which decides its editor and how a value is validated. */
public enum ParamType {
    INT, DOUBLE, BOOLEAN, CHOICE
}
