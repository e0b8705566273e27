package com.shisha.dialogs.understanding;
import java.math.BigDecimal; import java.util.*;
public final class Amounts { public static Optional<BigDecimal> parse(String s) { try { return Optional.of(new BigDecimal(s.replaceAll("[^0-9]",""))); } catch (Exception e) { return Optional.empty(); } } }
