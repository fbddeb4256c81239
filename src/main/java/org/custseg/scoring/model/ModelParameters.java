package org.custseg.scoring.model;

import java.util.Map;

/** Parameters of a fitted model: strictly positive reals with names. */
public interface ModelParameters {

    /** Parameters by name, in the model's canonical order. */
    Map<String, Double> asMap();

    /** Parameters in the model's canonical order. */
    double[] toArray();
}
