/** designer configuration ({@code dreamloop.designer.*}). */
package io.dreamloop.designer.config;
