/**
 * Black-box HTTP tests of the deployed WAR on a real, provisioned WildFly (Arquillian managed container), grouped
 * by feature. Each test class makes its own tenants through the admin API, so classes are independent.
 */
package com.leadcast.it;
