#!/usr/bin/env node
import '../dist/secpol.js';
